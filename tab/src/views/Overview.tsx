import { FunnelChart } from '@fluentui/react-charts';
import { Button, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { get } from '../api';
import { days, daysInStage, stageName } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface OverviewPerson {
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly days: number;
  readonly stageSinceKnown: boolean;
}

interface OverviewData {
  readonly funnel: readonly { bar: string; label: string; count: number; people: OverviewPerson[] }[];
  readonly trainedWithoutYoungPerson: readonly (OverviewPerson & { hasProfile: boolean; dbsCleared: boolean })[];
  readonly youngPeopleWaitingDays: readonly number[];
}

/** Colours from the theme's own palette, so the funnel follows light, dark and high contrast. */
const BAR_COLOURS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteLightGreenBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPalettePumpkinBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteGrapeBorderActive,
];

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '24px', alignItems: 'start' },
  section: { marginTop: '24px' },
});

export function Overview() {
  const [loaded] = useLoad(() => get<OverviewData>('overview'));
  return <Loading loaded={loaded}>{(data) => <OverviewReady data={data} />}</Loading>;
}

function OverviewReady({ data }: { data: OverviewData }) {
  const styles = useStyles();
  const [open, setOpen] = useState<string | undefined>();
  const opened = data.funnel.find((each) => each.bar === open);
  return (
    <>
      <Title2 as="h2">The scheme at a glance</Title2>
      <div className={styles.columns}>
        <div data-testid="funnel-chart">
          <FunnelChart
            chartTitle="Mentors at each stage"
            culture="en-GB"
            width={420}
            height={360}
            hideLegend
            data={data.funnel.map((each, index) => ({ stage: each.label, value: each.count, color: BAR_COLOURS[index % BAR_COLOURS.length]! }))}
          />
        </div>
        <DataTable label="Mentors at each stage" testId="funnel-table" rows={data.funnel} rowKey={(each) => each.bar} columns={[
            { key: 'stage', header: 'Stage', cell: (each) => each.label },
            { key: 'mentors', header: 'Mentors', cell: (each) => each.count },
            {
              key: 'people',
              header: 'People',
              cell: (each) => (
                <Button size="small" disabled={each.count === 0} aria-expanded={open === each.bar} onClick={() => setOpen(open === each.bar ? undefined : each.bar)}>
                  {open === each.bar ? 'Hide' : 'Show'} {each.label.toLowerCase()}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {opened && (
        <section className={styles.section} aria-label={`${opened.label}: people`}>
          <Title3 as="h3">{opened.label}: {opened.people.length} {opened.people.length === 1 ? 'mentor' : 'mentors'}</Title3>
          <PeopleTable people={opened.people} label={`${opened.label}: people`} />
        </section>
      )}
      <div className={styles.columns}>
        <section className={styles.section}>
          <Title3 as="h3">Trained, no young person yet ({data.trainedWithoutYoungPerson.length})</Title3>
          <DataTable label="Trained mentors without a young person" testId="trained-unmatched" rows={data.trainedWithoutYoungPerson.slice(0, 50)} rowKey={(each) => each.id} columns={[
              { key: 'mentor', header: 'Mentor', cell: (each) => each.name },
              { key: 'waiting', header: 'Waiting', cell: (each) => daysInStage(each.days, each.stageSinceKnown) },
              { key: 'profile', header: 'Pen picture', cell: (each) => (each.hasProfile ? 'Written' : 'Not yet') },
              { key: 'dbs', header: 'DBS', cell: (each) => (each.dbsCleared ? 'Cleared' : 'Not cleared') },
            ]}
          />
        </section>
        <section className={styles.section}>
          <Title3 as="h3">Young people waiting for a mentor ({data.youngPeopleWaitingDays.length})</Title3>
          <p>Longest wait: {data.youngPeopleWaitingDays.length ? days(data.youngPeopleWaitingDays[0]!) : 'nobody is waiting'}.</p>
          <DataTable label="How long young people have waited" testId="waiting-table" rows={waitBands(data.youngPeopleWaitingDays)} rowKey={(band) => band.label} columns={[
              { key: 'waiting', header: 'Waiting', cell: (band) => band.label },
              { key: 'count', header: 'Young people', cell: (band) => band.count },
            ]}
          />
        </section>
      </div>
    </>
  );
}

function PeopleTable({ people, label }: { people: readonly OverviewPerson[]; label: string }) {
  return (
    <DataTable label={label} rows={people} rowKey={(person) => person.id} columns={[
        { key: 'mentor', header: 'Mentor', cell: (person) => person.name },
        { key: 'stage', header: 'Stage', cell: (person) => stageName(person.stage) },
        { key: 'days', header: 'In this stage', cell: (person) => daysInStage(person.days, person.stageSinceKnown) },
      ]}
    />
  );
}

/** Waits in bands, so no one young person can be picked out by their exact wait. */
function waitBands(waits: readonly number[]): { label: string; count: number }[] {
  const bands = [
    { label: 'Under a month', test: (d: number) => d < 30 },
    { label: '1 to 3 months', test: (d: number) => d >= 30 && d < 91 },
    { label: '3 to 6 months', test: (d: number) => d >= 91 && d < 183 },
    { label: 'Over 6 months', test: (d: number) => d >= 183 },
  ];
  return bands.map((band) => ({ label: band.label, count: waits.filter(band.test).length }));
}
