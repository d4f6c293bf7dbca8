import { Badge, Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { download, get } from '../api';
import { formatDate } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface SubjectAccessRow {
  readonly id: string;
  readonly subject: string;
  readonly state: 'received' | 'paused' | 'inReview' | 'sent';
  readonly stateWords: string;
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly extended: boolean;
  readonly exportable: boolean;
}

/**
 * Subject access requests (coordinators and the DPO): each with its due date, and the export to download as the
 * readable page or JSON. Each download is recorded against the request, as the chat's "Prepare the export" is.
 */
export default function SubjectAccess() {
  const [loaded] = useLoad(() => get<SubjectAccessRow[]>('subject-access'));
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const save = async (row: SubjectAccessRow, format: 'html' | 'json'): Promise<void> => {
    try {
      await download(`subject-access/${encodeURIComponent(row.id)}/export.${format}`, `subject-access-${row.id}.${format}`);
      setMessage({ intent: 'success', text: `Export of ${row.subject} downloaded (${format === 'html' ? 'readable page' : 'JSON'}). The download is recorded against the request. Review the other people named in it before release.` });
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  return (
    <>
      <Title2 as="h2">Subject access requests</Title2>
      <Text as="p">To start a request, say "subject access" to the bot in chat with the mentor's directory id or the young person's case reference.</Text>
      {message && <MessageBar intent={message.intent} role="status"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      <Loading loaded={loaded}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No subject access requests.</p>
          ) : (
            <Table aria-label="Subject access requests" size="small" data-testid="subject-access-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>About</TableHeaderCell>
                  <TableHeaderCell>State</TableHeaderCell>
                  <TableHeaderCell>Received</TableHeaderCell>
                  <TableHeaderCell>Due</TableHeaderCell>
                  <TableHeaderCell>Export</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>{row.subject}</TableCell>
                    <TableCell>{row.stateWords}</TableCell>
                    <TableCell>{formatDate(row.receivedOn)}</TableCell>
                    <TableCell>
                      {formatDate(row.dueOn)} {row.extended && <Badge appearance="outline">extended</Badge>}
                    </TableCell>
                    <TableCell>
                      {row.exportable ? (
                        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                          <Button size="small" onClick={() => void save(row, 'html')}>Download page: {row.subject}</Button>
                          <Button size="small" onClick={() => void save(row, 'json')}>Download JSON: {row.subject}</Button>
                        </div>
                      ) : (
                        <Text>{row.state === 'sent' ? 'Sent' : 'Paused: identity to check'}</Text>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loading>
    </>
  );
}
