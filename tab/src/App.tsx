import { Badge, Button, MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Title1, makeStyles, tokens, Field } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { inTeams, openingView } from './teams';
import { ApiError, forgetPrefetched, get, localCast, localPerson, prefetch, signInLocally, type Me, type Person } from './api';
import { Overview } from './views/Overview';

const People = lazy(() => import('./views/People'));
const Sessions = lazy(() => import('./views/Sessions'));
const Claims = lazy(() => import('./views/Claims'));
const MyPage = lazy(() => import('./views/MyPage'));
const Commitment = lazy(() => import('./views/Commitment'));
const Report = lazy(() => import('./views/Report'));
const Matching = lazy(() => import('./views/Matching'));
const Broadcasts = lazy(() => import('./views/Broadcasts'));
const SubjectAccess = lazy(() => import('./views/SubjectAccess'));

const VIEWS = [
  { id: 'overview', label: 'At a glance' },
  { id: 'people', label: 'People' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'matching', label: 'Matching' },
  { id: 'commitment', label: 'Commitment' },
  { id: 'claims', label: 'Claims' },
  { id: 'broadcasts', label: 'Broadcasts' },
  { id: 'report', label: 'Board report' },
  { id: 'subjectAccess', label: 'Subject access' },
  { id: 'mine', label: 'My page' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

const useStyles = makeStyles({
  page: { padding: '16px 24px', maxWidth: '1200px', margin: '0 auto', color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap', marginBottom: '8px' },
  main: { marginTop: '16px' },
});

type Start = { readonly state: 'loading' } | { readonly state: 'chooseLocal'; readonly cast: Person[] } | { readonly state: 'signedIn'; readonly me: Me } | { readonly state: 'refused'; readonly message: string };

export function App() {
  const styles = useStyles();
  const [start, setStart] = useState<Start>({ state: 'loading' });
  const [view, setView] = useState<ViewId>('overview');

  const signIn = async (): Promise<void> => {
    // Someone already chosen in this browser tab: their first view is asked for at once, beside the local cast.
    const remembered = localPerson() !== undefined;
    if (remembered) ['me', 'overview'].forEach(prefetch);
    const cast = await localCast().catch(() => undefined);
    if (cast && !localPerson()) return setStart({ state: 'chooseLocal', cast });
    try {
      if (!remembered) prefetch('overview');
      const [me, asked] = await Promise.all([get<Me>('me'), openingView()]);
      setView(firstView(me, asked));
      setStart({ state: 'signedIn', me });
    } catch (error) {
      forgetPrefetched();
      if (cast) {
        signInLocally(undefined);
        return setStart({ state: 'chooseLocal', cast });
      }
      setStart({ state: 'refused', message: error instanceof ApiError && error.status === 401 ? 'Open the workspace from the Care Leaver Mentoring app in Teams to sign in.' : 'The workspace could not be reached. Please try again.' });
    }
  };
  useEffect(() => void signIn(), []);

  if (start.state === 'loading') return <Spinner className={styles.page} label="Signing you in…" />;
  if (start.state === 'refused') {
    return (
      <main className={styles.page}>
        <Title1 as="h1">Mentoring scheme workspace</Title1>
        <MessageBar intent="warning"><MessageBarBody>{start.message}</MessageBarBody></MessageBar>
      </main>
    );
  }
  if (start.state === 'chooseLocal') return <LocalSignIn cast={start.cast} onChosen={(id) => { signInLocally(id); void signIn(); }} />;

  const { me } = start;
  const views = VIEWS.filter((each) => mayOpen(me, each.id));
  return (
    <div className={styles.page}>
      <header className={`${styles.header} no-print`}>
        <Title1 as="h1">Mentoring scheme workspace</Title1>
        {me.mode === 'local' && <Badge appearance="filled" color="warning">Local mode: {me.person.name}</Badge>}
        {me.mode === 'local' && <Button size="small" onClick={() => { signInLocally(undefined); void signIn(); }}>Sign in as someone else</Button>}
      </header>
      <nav aria-label="Workspace views">
        <TabList selectedValue={view} onTabSelect={(_, data) => { setView(data.value as ViewId); rememberView(data.value as ViewId); }}>
          {views.map((each) => <Tab key={each.id} value={each.id}>{each.label}</Tab>)}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Suspense fallback={<Spinner label="Loading…" />}>{render(view, me)}</Suspense>
      </main>
    </div>
  );
}

/** The view a deep link asked for (a chat card's "Open in the workspace"), if this person may see it; else their first. */
function firstView(me: Me, asked: string | undefined): ViewId {
  const known = VIEWS.find((each) => each.id === asked)?.id;
  if (known && mayOpen(me, known)) return known;
  return me.coordinator ? 'overview' : me.subjectAccess ? 'subjectAccess' : 'mine';
}

/** Which tabs to show: the server decides what each route gives whom; this only keeps out of sight what it would refuse. */
function mayOpen(me: Me, view: ViewId): boolean {
  if (view === 'mine') return true;
  if (view === 'subjectAccess') return me.subjectAccess;
  return me.coordinator;
}

/** Outside Teams the address says which view is open, so it can be bookmarked or opened again. */
function rememberView(view: ViewId): void {
  if (!inTeams()) history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${view}`);
}

function render(view: ViewId, me: Me): ReactNode {
  if (view === 'overview') return <Overview />;
  if (view === 'people') return <People />;
  if (view === 'sessions') return <Sessions />;
  if (view === 'claims') return <Claims />;
  if (view === 'commitment') return <Commitment />;
  if (view === 'report') return <Report />;
  if (view === 'matching') return <Matching />;
  if (view === 'broadcasts') return <Broadcasts />;
  if (view === 'subjectAccess') return <SubjectAccess />;
  return <MyPage me={me} />;
}

function LocalSignIn({ cast, onChosen }: { cast: Person[]; onChosen: (id: string) => void }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState(cast[0]?.id ?? '');
  return (
    <main className={styles.page}>
      <Title1 as="h1">Mentoring scheme workspace</Title1>
      <MessageBar intent="warning"><MessageBarBody>Local mode: nobody is signed in with Microsoft Entra. Choose who you are from the local cast (local/directory.json).</MessageBarBody></MessageBar>
      <form onSubmit={(event) => { event.preventDefault(); onChosen(chosen); }} style={{ marginTop: 16, display: 'flex', gap: 12, alignItems: 'end' }}>
        <Field label="Sign in as…">
          <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
            {cast.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </Select>
        </Field>
        <Button appearance="primary" type="submit">Sign in (local)</Button>
      </form>
    </main>
  );
}
