import { Button, Field, Input, Select, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { get, post } from '../api';
import { days, daysInStage, formatDate, formatDateTime, stageName } from '../format';
import { Loading } from './Loading';
import { useLoad } from './useLoad';

interface MentorRow {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly stage: string;
  readonly daysInStage: number;
  readonly stageSinceKnown: boolean;
  readonly approval?: { waitingOn: string[]; since: string };
  readonly dbs: 'cleared' | 'expired' | 'missing';
  readonly dbsRenewsOn?: string;
  readonly hasProfile: boolean;
  readonly matched: boolean;
}

interface YoungPersonRow {
  readonly reference: string;
  readonly status: string;
  readonly daysWaiting?: number;
}

const PAGE = 25;
const DBS = { cleared: 'Cleared', expired: 'Expired', missing: 'Not recorded' };

export default function People() {
  const [which, setWhich] = useState<'mentors' | 'youngPeople'>('mentors');
  return (
    <>
      <Title2 as="h2">People</Title2>
      <TabList selectedValue={which} onTabSelect={(_, data) => setWhich(data.value as 'mentors' | 'youngPeople')} size="small">
        <Tab value="mentors">Mentors</Tab>
        <Tab value="youngPeople">Young people</Tab>
      </TabList>
      {which === 'mentors' ? <Mentors /> : <YoungPeople />}
    </>
  );
}

function Mentors() {
  const [loaded] = useLoad(() => get<MentorRow[]>('mentors'));
  return <Loading loaded={loaded}>{(rows) => <MentorTable rows={rows} />}</Loading>;
}

type MentorSort = 'name' | 'stage' | 'daysInStage';

function MentorTable({ rows }: { rows: readonly MentorRow[] }) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<MentorSort>('name');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const found = rows.filter((row) => !needle || row.name.toLowerCase().includes(needle) || stageName(row.stage).toLowerCase().includes(needle));
    return [...found].sort((a, b) => (sort === 'daysInStage' ? b.daysInStage - a.daysInStage : sort === 'stage' ? stageName(a.stage).localeCompare(stageName(b.stage)) : a.name.localeCompare(b.name)));
  }, [rows, search, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  return (
    <>
      <Toolbar search={search} onSearch={(value) => { setSearch(value); setPage(0); }} sort={sort} sorts={{ name: 'Name', stage: 'Stage', daysInStage: 'Longest in stage' }} onSort={(value) => setSort(value as MentorSort)} />
      <Table aria-label="Mentors" size="small" data-testid="mentors-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Mentor</TableHeaderCell>
            <TableHeaderCell>Stage</TableHeaderCell>
            <TableHeaderCell>In stage</TableHeaderCell>
            <TableHeaderCell>Approval</TableHeaderCell>
            <TableHeaderCell>DBS</TableHeaderCell>
            <TableHeaderCell>Pen picture</TableHeaderCell>
            <TableHeaderCell>Match</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.slice(current * PAGE, current * PAGE + PAGE).map((row) => (
            <TableRow key={row.id}>
              <TableCell>{row.name}{row.role ? `, ${row.role}` : ''}</TableCell>
              <TableCell>{stageName(row.stage)}</TableCell>
              <TableCell>{daysInStage(row.daysInStage, row.stageSinceKnown)}</TableCell>
              <TableCell>{row.approval ? <Approval mentor={row} /> : '—'}</TableCell>
              <TableCell>{DBS[row.dbs]}{row.dbsRenewsOn ? `, renew by ${formatDate(row.dbsRenewsOn)}` : ''}</TableCell>
              <TableCell>{row.hasProfile ? 'Written' : 'Not yet'}</TableCell>
              <TableCell>{row.matched ? 'Matched' : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Pager page={current} pages={pages} count={shown.length} onPage={setPage} />
    </>
  );
}

function Approval({ mentor }: { mentor: MentorRow }) {
  const [said, setSaid] = useState<string | undefined>();
  const approval = mentor.approval!;
  const remind = async (): Promise<void> => {
    try {
      await post(`mentors/${encodeURIComponent(mentor.id)}/remind`, {});
      setSaid(`Reminder sent to ${approval.waitingOn.join(', ')}.`);
    } catch (error) {
      setSaid((error as Error).message);
    }
  };
  return (
    <>
      Waiting on {approval.waitingOn.join(', ')} since {formatDateTime(approval.since)}{' '}
      <Button size="small" onClick={() => void remind()}>Remind {approval.waitingOn.join(', ')} about {mentor.name}</Button>
      {said && <span role="status"> {said}</span>}
    </>
  );
}

interface YoungPeoplePage {
  readonly rows: readonly YoungPersonRow[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/**
 * Paged on the server, longest waiting first: only the page shown is read, and recorded as read. The search (first
 * name, initials or reference) is done on the server too, from each record's search column, before the page is chosen.
 */
function YoungPeople() {
  const [page, setPage] = useState(0);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [loaded] = useLoad(() => get<YoungPeoplePage>(`young-people?page=${page}${search ? `&search=${encodeURIComponent(search)}` : ''}`), [page, search]);
  return (
    <>
      <p>Only the service's reference is shown here, longest waiting first. Each page opened is recorded, as in chat.</p>
      <form
        role="search"
        aria-label="Young people"
        onSubmit={(event) => { event.preventDefault(); setSearch(typed.trim()); setPage(0); }}
        style={{ display: 'flex', gap: 12, margin: '12px 0', flexWrap: 'wrap', alignItems: 'end' }}
      >
        <Field label="First name, initials or reference">
          <Input type="search" value={typed} onChange={(_, data) => setTyped(data.value)} maxLength={40} />
        </Field>
        <Button type="submit">Search young people</Button>
        {search && <Button onClick={() => { setTyped(''); setSearch(''); setPage(0); }}>Show everyone</Button>}
      </form>
      <Loading loaded={loaded}>
        {(found) => (
          <>
            {search && <p role="status">{found.total === 0 ? `Nobody matches "${search}".` : `Found ${found.total} for "${search}".`}</p>}
            <Table aria-label="Young people" size="small" data-testid="young-people-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Reference</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Waiting</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {found.rows.map((row) => (
                  <TableRow key={row.reference}>
                    <TableCell>{row.reference}</TableCell>
                    <TableCell>{row.status}</TableCell>
                    <TableCell>{row.daysWaiting === undefined ? '—' : days(row.daysWaiting)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Pager page={found.page} pages={found.pages} count={found.total} onPage={setPage} />
          </>
        )}
      </Loading>
    </>
  );
}

function Toolbar(props: { search: string; onSearch: (value: string) => void; sort?: string; sorts?: Record<string, string>; onSort?: (value: string) => void }) {
  return (
    <div style={{ display: 'flex', gap: 12, margin: '12px 0', flexWrap: 'wrap', alignItems: 'end' }}>
      <Field label="Search">
        <Input type="search" value={props.search} onChange={(_, data) => props.onSearch(data.value)} />
      </Field>
      {props.sorts && (
        <Field label="Sort by">
          <Select value={props.sort} onChange={(_, data) => props.onSort?.(data.value)}>
            {Object.entries(props.sorts).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </Field>
      )}
    </div>
  );
}

function Pager({ page, pages, count, onPage }: { page: number; pages: number; count: number; onPage: (page: number) => void }) {
  return (
    <nav aria-label="Pages" style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }}>
      <Button size="small" disabled={page === 0} onClick={() => onPage(page - 1)}>Previous page</Button>
      <span>Page {page + 1} of {pages} ({count} in all)</span>
      <Button size="small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>Next page</Button>
    </nav>
  );
}
