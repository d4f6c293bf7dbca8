import { Badge, Button, MessageBar, MessageBarBody, Text, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { DataTable, type Column } from '../components/DataTable';
import { get, post } from '../api';
import { formatDateTime } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface BroadcastSummary {
  readonly id: string;
  readonly title: string;
  readonly audience: string;
  readonly sentBy: string;
  readonly createdAt: string;
  readonly finished: boolean;
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly waiting: number;
}

interface RecipientLine {
  readonly name: string;
  readonly status: 'sent' | 'failed' | 'waiting';
  readonly why?: string;
  readonly detail?: string;
  readonly sentAt?: string;
}

interface BroadcastReport extends BroadcastSummary {
  readonly text: string;
  readonly recipients: readonly RecipientLine[];
}

type Message = { readonly intent: 'success' | 'error'; readonly text: string };

/** Past and in-progress broadcasts; each opens its report: who got it, who did not and why, and Retry the failed. */
export default function Broadcasts() {
  const [open, setOpen] = useState<string | undefined>();
  const [loaded, reload] = useLoad(() => get<BroadcastSummary[]>('broadcasts'));
  return (
    <>
      <Title2 as="h2">Broadcasts</Title2>
      {open ? (
        <Report id={open} onBack={() => { setOpen(undefined); reload(); }} />
      ) : (
        <Loading loaded={loaded}>{(rows) => <BroadcastTable rows={rows} onOpen={setOpen} />}</Loading>
      )}
    </>
  );
}

function BroadcastTable({ rows, onOpen }: { rows: readonly BroadcastSummary[]; onOpen: (id: string) => void }) {
  if (rows.length === 0) return <p>No broadcasts yet. Say "broadcast" to the bot in chat to send one.</p>;
  return (
    <DataTable label="Broadcasts" testId="broadcasts-table" rows={rows} rowKey={(row) => row.id} columns={[
        { key: 'title', header: 'Broadcast', cell: (row) => <>{row.title} {!row.finished && <Badge appearance="outline">Sending</Badge>}</> },
        { key: 'audience', header: 'Audience', cell: (row) => row.audience },
        { key: 'when', header: 'When', cell: (row) => `${formatDateTime(row.createdAt)}, by ${row.sentBy}` },
        { key: 'sent', header: 'Sent', cell: (row) => `${row.sent} of ${row.total}` },
        { key: 'failed', header: 'Failed', cell: (row) => row.failed },
        { key: 'waiting', header: 'Waiting', cell: (row) => row.waiting },
        { key: 'report', header: 'Report', cell: (row) => <Button size="small" onClick={() => onOpen(row.id)}>Open report: {row.title}</Button> },
      ]}
    />
  );
}

const STATUS = { sent: 'Got it', failed: 'Not sent', waiting: 'Waiting to be sent' };

const RECIPIENT_COLUMNS: readonly Column<RecipientLine>[] = [
  { key: 'person', header: 'Person', cell: (line) => line.name },
  { key: 'outcome', header: 'Outcome', cell: (line) => `${STATUS[line.status]}${line.sentAt ? `, ${formatDateTime(line.sentAt)}` : ''}` },
  {
    key: 'why',
    header: 'Why',
    cell: (line) => (
      <>
        {line.why ?? '—'}
        {line.detail && (
          <details>
            <summary>Details for IT</summary>
            {line.detail}
          </details>
        )}
      </>
    ),
  },
];

function Report({ id, onBack }: { id: string; onBack: () => void }) {
  const [loaded, reload] = useLoad(() => get<BroadcastReport>(`broadcasts/${encodeURIComponent(id)}`), [id]);
  const [message, setMessage] = useState<Message | undefined>();
  const retry = async (): Promise<void> => {
    try {
      const { queued } = await post<{ queued: number }>(`broadcasts/${encodeURIComponent(id)}/retry-failed`, {});
      setMessage({ intent: 'success', text: queued === 0 ? 'Nobody was waiting for a retry.' : `Sending again to ${queued} ${queued === 1 ? 'person' : 'people'}.` });
      reload();
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  return (
    <>
      <Button onClick={onBack}>Back to all broadcasts</Button>
      <Loading loaded={loaded}>
        {(report) => (
          <section aria-label={`Report: ${report.title}`} data-testid="broadcast-report">
            <Title3 as="h3">{report.title}</Title3>
            <Text as="p">To {report.audience}, sent {formatDateTime(report.createdAt)} by {report.sentBy}.</Text>
            <Text as="p" data-testid="broadcast-counts">
              Got it: {report.sent}. Not sent: {report.failed}. Waiting: {report.waiting}. {report.finished ? 'Finished.' : 'Still sending.'}
            </Text>
            {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
            {report.failed > 0 && <Button appearance="primary" onClick={() => void retry()}>Retry the failed ({report.failed})</Button>}
            <DataTable label="Who it went to" testId="broadcast-recipients" rows={report.recipients} rowKey={(line, index) => `${line.name}-${index}`} columns={RECIPIENT_COLUMNS} />
          </section>
        )}
      </Loading>
    </>
  );
}
