import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { DataTable } from '../components/DataTable';
import { get } from '../api';
import { formatDate } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

export interface CommitmentData {
  readonly months: readonly string[];
  readonly expectedMinutes: number;
  readonly rows: readonly Row[];
}

type Row = { matchId: string; mentorName: string; minutes: number[]; belowTwoMonthsRunning: boolean; monthsElapsed: number; reviewDate: string; endDate: string };

const useStyles = makeStyles({
  met: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  some: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  none: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
});

function heat(styles: ReturnType<typeof useStyles>, minutes: number, expected: number): string {
  return minutes >= expected ? styles.met : minutes > 0 ? styles.some : styles.none;
}

const minutesWords = (minutes: number, expected: number): string => `${minutes}${minutes >= expected ? '' : ' (below)'}`;

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
            <DataTable label="Minutes each month for every live match" testId="commitment-table" rows={data.rows} rowKey={(row) => row.matchId} columns={[
                { key: 'mentor', header: 'Mentor', cell: (row) => row.mentorName },
                ...data.months.map((month, index) => ({
                  key: month,
                  header: monthName(month),
                  className: (row: Row) => heat(styles, row.minutes[index] ?? 0, data.expectedMinutes),
                  cell: (row: Row) => minutesWords(row.minutes[index] ?? 0, data.expectedMinutes),
                })),
                { key: 'flag', header: 'Flag', cell: (row) => (row.belowTwoMonthsRunning ? 'Below two months running' : '—') },
                { key: 'review', header: 'Review (6 months)', cell: (row) => formatDate(row.reviewDate) },
                { key: 'ends', header: 'Ends (18 months)', cell: (row) => formatDate(row.endDate) },
              ]}
            />
          </>
        )}
      </Loading>
    </>
  );
}
