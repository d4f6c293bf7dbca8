import { Button, Field, Input, Text, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { get } from '../api';
import { formatPounds, thisMonth } from '../format';
import type { CommitmentData } from './Commitment';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface ReportData {
  readonly overview: { funnel: { label: string; count: number }[]; trainedWithoutYoungPerson: { days: number }[]; youngPeopleWaitingDays: number[] };
  readonly commitment: CommitmentData;
  readonly claims: { month: string; claims: unknown[]; totals: { owed: number; paid: number } };
}

/**
 * One page for the Directorate Leadership Team or the Corporate Parenting Board, printed or saved as PDF from the
 * browser: counts only, so no young person (and no mentor) can be picked out.
 */
export default function Report() {
  const [month, setMonth] = useState(thisMonth());
  const [asked, setAsked] = useState(month);
  const [loaded] = useLoad(
    async (): Promise<ReportData> => {
      const [overview, commitment, claims] = await Promise.all([get<ReportData['overview']>('overview'), get<CommitmentData>('commitment'), get<ReportData['claims']>(`claims?month=${encodeURIComponent(asked)}`)]);
      return { overview, commitment, claims };
    },
    [asked],
  );
  return (
    <>
      <form className="no-print" onSubmit={(event) => { event.preventDefault(); setAsked(month); }} style={{ display: 'flex', gap: 12, alignItems: 'end', margin: '12px 0' }}>
        <Field label="Claims month (YYYY-MM)">
          <Input value={month} onChange={(_, data) => setMonth(data.value)} />
        </Field>
        <Button type="submit">Show</Button>
        <Button appearance="primary" onClick={() => window.print()}>Print or save as PDF</Button>
      </form>
      <Loading loaded={loaded}>{(data) => <ReportPage data={data} />}</Loading>
    </>
  );
}

function ReportPage({ data }: { data: ReportData }) {
  const waits = data.overview.youngPeopleWaitingDays;
  const trained = data.overview.trainedWithoutYoungPerson;
  const lastFinished = data.commitment.months.length - 2;
  const met = data.commitment.rows.filter((row) => (row.minutes[lastFinished] ?? 0) >= data.commitment.expectedMinutes).length;
  return (
    <article aria-label="Report for the board" data-testid="board-report">
      <Title2 as="h2">Care leaver mentoring: report for the board</Title2>
      <Text as="p">Figures as stored today; no young person or mentor is named.</Text>
      <Title3 as="h3">Mentors at each stage</Title3>
      <DataTable label="Mentors at each stage (report)" rows={data.overview.funnel} rowKey={(bar) => bar.label} columns={[
          { key: 'stage', header: 'Stage', cell: (bar) => bar.label },
          { key: 'mentors', header: 'Mentors', cell: (bar) => bar.count },
        ]}
      />
      <Title3 as="h3">The two risks (report 3.8 and 13.1)</Title3>
      <ul>
        <li>Trained mentors without a young person: {trained.length}{trained.length ? `, the longest waiting ${Math.max(...trained.map((each) => each.days))} days` : ''}.</li>
        <li>Young people waiting for a mentor: {waits.length}{waits.length ? `, the longest waiting ${Math.max(...waits)} days` : ''}.</li>
      </ul>
      <Title3 as="h3">Commitment</Title3>
      <ul>
        <li>Live matches: {data.commitment.rows.length}; {met} met {data.commitment.expectedMinutes} minutes last month.</li>
        <li>Below {data.commitment.expectedMinutes} minutes two months running: {data.commitment.rows.filter((row) => row.belowTwoMonthsRunning).length}.</li>
      </ul>
      <Title3 as="h3">Refreshments, {data.claims.month}</Title3>
      <Text as="p">{data.claims.claims.length} claims, {formatPounds(data.claims.totals.owed)} in all, {formatPounds(data.claims.totals.paid)} paid.</Text>
    </article>
  );
}
