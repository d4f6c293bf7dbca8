import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { download, get, post } from '../api';
import { formatDate, formatPounds, thisMonth } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface ClaimRow {
  readonly matchId: string;
  readonly claimId: string;
  readonly mentor: string;
  readonly date: string;
  readonly amountPence: number;
  readonly purpose: string;
  readonly state: string;
}

interface ClaimsMonth {
  readonly month: string;
  readonly claims: readonly ClaimRow[];
  readonly totals: Record<'submitted' | 'approved' | 'paid' | 'rejected' | 'owed', number>;
}

const STATES: Record<string, string> = { submitted: 'Waiting for approval', approved: 'Approved', paid: 'Paid', rejected: 'Rejected' };

export default function Claims() {
  const [month, setMonth] = useState(thisMonth());
  const [asked, setAsked] = useState(month);
  const [loaded, reload] = useLoad(() => get<ClaimsMonth>(`claims?month=${encodeURIComponent(asked)}`), [asked]);
  // Kept here, not in the table: the table starts afresh (nothing chosen) each time the claims change.
  const [message, setMessage] = useState<Message | undefined>();
  return (
    <>
      <Title2 as="h2">Refreshment claims</Title2>
      <form onSubmit={(event) => { event.preventDefault(); setAsked(month); }} style={{ display: 'flex', gap: 12, alignItems: 'end', margin: '12px 0' }}>
        <Field label="Month (YYYY-MM)">
          <Input value={month} onChange={(_, data) => setMonth(data.value)} />
        </Field>
        <Button type="submit">Show claims</Button>
      </form>
      {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      <Loading loaded={loaded}>{(data) => <ClaimsTable key={data.month + JSON.stringify(data.totals)} data={data} onChanged={reload} onMessage={setMessage} />}</Loading>
    </>
  );
}

type Message = { readonly intent: 'success' | 'error' | 'warning'; readonly text: string };

function ClaimsTable({ data, onChanged, onMessage: setMessage }: { data: ClaimsMonth; onChanged: () => void; onMessage: (message: Message) => void }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const choosable = data.claims.filter((claim) => claim.state === 'submitted' || claim.state === 'approved');
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const decide = async (decision: 'approve' | 'pay'): Promise<void> => {
    const claims = data.claims.filter((claim) => chosen.has(claim.claimId)).map(({ matchId, claimId }) => ({ matchId, claimId }));
    try {
      const outcome = await post<{ done: number; refused: { claimId: string; message: string }[] }>('claims/decide', { decision, claims });
      const verb = decision === 'approve' ? 'approved' : 'marked paid';
      setMessage(
        outcome.refused.length
          ? { intent: 'warning', text: `${outcome.done} ${verb}; ${outcome.refused.length} not: ${outcome.refused.map((each) => each.message).join(' ')}` }
          : { intent: 'success', text: `${outcome.done} ${outcome.done === 1 ? 'claim' : 'claims'} ${verb}.` },
      );
      onChanged();
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  const excel = async (): Promise<void> => {
    const { saveClaimsWorkbook } = await import('./claims-excel');
    await saveClaimsWorkbook(data.month, data.claims);
  };
  return (
    <>
      <Text as="p" data-testid="claims-totals">
        Owed this month: {formatPounds(data.totals.owed)} (waiting {formatPounds(data.totals.submitted)}, approved {formatPounds(data.totals.approved)}, paid {formatPounds(data.totals.paid)}).
      </Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' }}>
        <Button appearance="primary" disabled={chosen.size === 0} onClick={() => void decide('approve')}>Approve chosen ({chosen.size})</Button>
        <Button disabled={chosen.size === 0} onClick={() => void decide('pay')}>Mark chosen paid ({chosen.size})</Button>
        <Button onClick={() => void download(`claims.csv?month=${encodeURIComponent(data.month)}`, `claims-${data.month}.csv`)}>Export CSV</Button>
        <Button onClick={() => void excel()}>Export Excel</Button>
      </div>
      <DataTable label={`Claims for ${data.month}`} testId="claims-table" rows={data.claims} rowKey={(claim) => claim.claimId} columns={[
          {
            key: 'choose',
            header: (
              <Checkbox
                aria-label="Choose every claim not yet paid"
                checked={chosen.size && chosen.size === choosable.length ? true : chosen.size ? 'mixed' : false}
                onChange={(_, value) => setChosen(value.checked === true ? new Set(choosable.map((claim) => claim.claimId)) : new Set())}
              />
            ),
            cell: (claim) =>
              (claim.state === 'submitted' || claim.state === 'approved') && (
                <Checkbox aria-label={`Choose ${claim.mentor}'s claim of ${formatPounds(claim.amountPence)}`} checked={chosen.has(claim.claimId)} onChange={(_, value) => toggle(claim.claimId, value.checked === true)} />
              ),
          },
          { key: 'mentor', header: 'Mentor', cell: (claim) => claim.mentor },
          { key: 'date', header: 'Date', cell: (claim) => formatDate(claim.date) },
          { key: 'amount', header: 'Amount', cell: (claim) => formatPounds(claim.amountPence) },
          { key: 'purpose', header: 'Purpose', cell: (claim) => claim.purpose },
          { key: 'state', header: 'State', cell: (claim) => STATES[claim.state] ?? claim.state },
        ]}
      />
      {data.claims.length === 0 && <p>No claims for {data.month}.</p>}
    </>
  );
}
