import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { get } from '../api';
import { formatDate } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

export interface CommitmentData {
  readonly months: readonly string[];
  readonly expectedMinutes: number;
  readonly rows: readonly { matchId: string; mentorName: string; minutes: number[]; belowTwoMonthsRunning: boolean; monthsElapsed: number; reviewDate: string; endDate: string }[];
}

const useStyles = makeStyles({
  met: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  some: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  none: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
});

const monthName = (month: string): string => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${month}-15T12:00:00Z`));

/** Every live match by month against the 90-minute month: a heat map whose cells also say it in words. */
export default function Commitment() {
  const styles = useStyles();
  const [loaded] = useLoad(() => get<CommitmentData>('commitment'));
  return (
    <>
      <Title2 as="h2">Commitment: minutes each month against {90}</Title2>
      <Loading loaded={loaded}>
        {(data) => (
          <>
            <Text as="p">{data.rows.length} live matches; {data.rows.filter((row) => row.belowTwoMonthsRunning).length} below {data.expectedMinutes} minutes two months running.</Text>
            <Table aria-label="Minutes each month for every live match" size="small" data-testid="commitment-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Mentor</TableHeaderCell>
                  {data.months.map((month) => <TableHeaderCell key={month}>{monthName(month)}</TableHeaderCell>)}
                  <TableHeaderCell>Flag</TableHeaderCell>
                  <TableHeaderCell>Review (6 months)</TableHeaderCell>
                  <TableHeaderCell>Ends (18 months)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((row) => (
                  <TableRow key={row.matchId}>
                    <TableCell>{row.mentorName}</TableCell>
                    {row.minutes.map((minutes, index) => (
                      <TableCell key={data.months[index]} className={minutes >= data.expectedMinutes ? styles.met : minutes > 0 ? styles.some : styles.none}>
                        {minutes}{minutes >= data.expectedMinutes ? '' : ' (below)'}
                      </TableCell>
                    ))}
                    <TableCell>{row.belowTwoMonthsRunning ? 'Below two months running' : '—'}</TableCell>
                    <TableCell>{formatDate(row.reviewDate)}</TableCell>
                    <TableCell>{formatDate(row.endDate)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Loading>
    </>
  );
}
