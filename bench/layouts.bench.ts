import { pathToFileURL } from 'node:url';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { storageClients } from '../src/platform/storage/storage-clients.js';
import { encodeKey } from '../src/platform/storage/keys.js';
import { cardText, TeamsConnectorStandIn } from '../test/support/teams-connector.js';
import { directoryFile, driveApprovals, message, person, poster, TENANT, type Person } from './support/approval-load.js';
import { spawnBot, type BotProcess } from './support/bot-process.js';
import { percentile } from './support/percentiles.js';

const USERS = Number(process.env.BENCH_USERS ?? 20);
const PER_LAYOUT = Number(process.env.BENCH_LAYOUT_APPLICANTS ?? 100);
const LAYOUTS = [
  { name: 'one process, ROLE=all', roles: ['all'] },
  { name: 'two ROLE=web and one ROLE=worker', roles: ['web', 'web', 'worker'] },
] as const;

/**
 * The same approval load on two layouts over one Azurite, each process on its own: one ROLE=all, and two ROLE=web
 * behind a round-robin balancer with one ROLE=worker. USERS people act with no think time (a closed loop, so the figure
 * is throughput); then the worker catches up and every applicant's record and messages are checked: approved once,
 * at most one approval request to their manager (none once decided), one outcome and one booking card to them, nothing twice.
 */
export async function benchLayouts(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const connector = await new TeamsConnectorStandIn().start();
  const post = poster(connector.url);
  const managers = Array.from({ length: USERS }, (_, i) => person(i, 'manager'));
  const applicants = Array.from({ length: PER_LAYOUT * LAYOUTS.length }, (_, i) => person(i, 'applicant'));
  const managerOf = (applicant: Person): Person => managers[applicants.indexOf(applicant) % USERS]!;
  const directory = directoryFile(applicants, managers);
  console.log(`layouts: ${USERS} users, no think time, ${PER_LAYOUT} applicants through submit, approve and refresh per layout, one Azurite`);
  for (const [index, layout] of LAYOUTS.entries()) {
    const prefix = `layout${index}`;
    const bots: BotProcess[] = await Promise.all(
      layout.roles.map((ROLE) =>
        spawnBot({ ROLE, STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, LOCAL_DIRECTORY_FILE: directory, TEAMS_SERVICE_URL: connector.url, TEAMS_TENANT_ID: TENANT, SCHEDULER_INTERVAL_SECONDS: '3600', WORKER_POLL_MS: '100' }),
      ),
    );
    const endpoints = bots.filter((_, i) => layout.roles[i] !== 'worker').map((bot) => bot.endpoint);
    const people = applicants.slice(index * PER_LAYOUT, (index + 1) * PER_LAYOUT);
    const everyone = [...people, ...managers];
    for (let i = 0; i < everyone.length; i += 10) await Promise.all(everyone.slice(i, i + 10).map((someone, j) => post(endpoints[j % endpoints.length]!, message(someone, 'sign up'))));
    const sentBefore = connector.activities.length;
    const started = performance.now();
    const latencies = await driveApprovals(post, endpoints, people, managerOf, USERS, async () => undefined);
    const seconds = (performance.now() - started) / 1000;
    const owed = people.length * 2; // the outcome and the booking card; the approval request only if still pending
    const theirs = new Set(people.map((someone) => `personal-${someone.id}`));
    const deliveredBy = await delivered(() => connector.activities.slice(sentBefore).filter((a) => a.kind === 'send' && theirs.has(a.conversationId)).length, owed);
    const exact = await exactness(azurite.connectionString, prefix, connector, sentBefore, people, managerOf);
    await Promise.all(bots.map((bot) => bot.stop()));
    const all = [...latencies.submit, ...latencies.decide, ...latencies.refresh];
    console.log(`  ${layout.name}: ${(all.length / seconds).toFixed(1)} card actions/s (p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms); ${owed} messages owed, all sent ${deliveredBy.toFixed(1)} s after the last action`);
    console.log(`    exactness: ${exact.approved}/${people.length} approved, approval requests ${exact.requests} (the rest decided before they were sent), outcomes ${exact.outcomes}, booking cards ${exact.offers}, duplicates ${exact.duplicates}, lost ${exact.lost}`);
  }
  await connector.stop();
  await azurite.stop();
}

/** Seconds until `count()` reaches `owed` (or 180 s: what is still unsent then shows as lost). */
async function delivered(count: () => number, owed: number): Promise<number> {
  const started = performance.now();
  while (count() < owed && performance.now() - started < 180_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000)); // anything sent twice would arrive about now
  return (performance.now() - started) / 1000 - 1;
}

async function exactness(connectionString: string, prefix: string, connector: TeamsConnectorStandIn, before: number, people: readonly Person[], managerOf: (p: Person) => Person) {
  const mentors = storageClients({ kind: 'connectionString', connectionString }).table(`${prefix}Mentors`);
  const sent = connector.activities.slice(before).filter((a) => a.kind === 'send');
  const to = (someone: Person) => sent.filter((a) => a.conversationId === `personal-${someone.id}`);
  let approved = 0, requests = 0, outcomes = 0, offers = 0, duplicates = 0, lost = 0;
  for (const applicant of people) {
    const row = await mentors.getEntity<{ stage: string }>(encodeKey(applicant.id), 'mentor');
    if (row.stage === 'approved') approved += 1;
    const named = new RegExp(`\\b${applicant.name}\\b`);
    // A request decided before the worker reached it is not sent (the notifier renders what is stored): at most one.
    const request = to(managerOf(applicant)).filter((a) => named.test(cardText(a))).length;
    const mine = to(applicant);
    const outcome = mine.filter((a) => !cardText(a).includes('book your sessions')).length;
    const offer = mine.length - outcome;
    requests += request;
    outcomes += outcome;
    offers += offer;
    for (const n of [request, outcome, offer]) if (n > 1) duplicates += n - 1;
    for (const n of [outcome, offer]) if (n === 0) lost += 1;
  }
  return { approved, requests, outcomes, offers, duplicates, lost };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchLayouts();
  process.exit(0);
}
