import { pathToFileURL } from 'node:url';
import { startBot } from '../src/main.js';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { TeamsConnectorStandIn } from '../test/support/teams-connector.js';
import { endpointPort, throughProxies } from '../test/support/storage-endpoints.js';
import { CountingProxy } from './support/counting-proxy.js';
import { describeLatencies } from './support/percentiles.js';
import { action, approvalIdIn, directoryFile, FORM, message, person, TENANT, think, type Person } from './support/approval-load.js';

const USERS = Number(process.env.BENCH_USERS ?? 20);
const ROUNDS = 10;

/** 20 concurrent simulated users through sign-up and approval against Azurite, timing every card action. */
export async function benchApproval(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const tables = await new CountingProxy(endpointPort(azurite.connectionString, 'Table')).start();
  const queues = await new CountingProxy(endpointPort(azurite.connectionString, 'Queue')).start();
  const connector = await new TeamsConnectorStandIn().start();
  const applicants = Array.from({ length: USERS * ROUNDS }, (_, i) => person(i, 'applicant'));
  const managers = Array.from({ length: USERS }, (_, i) => person(i, 'manager'));
  const directory = directoryFile(applicants, managers);
  const bot = await startBot(
    {
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORAGE_CONNECTION_STRING: throughProxies(azurite.connectionString, tables, queues),
      TABLE_PREFIX: 'bench',
      LOCAL_DIRECTORY_FILE: directory,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_TENANT_ID: TENANT,
      SCHEDULER_INTERVAL_SECONDS: '3600',
      OUTBOX_SWEEP_SECONDS: '3600',
    },
    { startWorker: false },
  );
  let endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  const post = async (body: object): Promise<{ ms: number; json: unknown }> => {
    const started = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceUrl: connector.url, ...body }) });
    const json: unknown = await response.json().catch(() => undefined);
    if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
    return { ms: performance.now() - started, json };
  };

  for (const someone of applicants) await post(message(someone, 'sign up'));

  // Storage round trips: counted one action at a time, so nothing else is on the wire.
  const calibration = applicants.slice(0, 3);
  const ids = new Map<string, string>();
  const submitTrips = await countTrips(tables, queues, calibration, async (applicant) => {
    ids.set(applicant.id, approvalIdIn((await post(action(applicant, 'submitSignUp', FORM))).json));
  });
  const decideTrips = await countTrips(tables, queues, calibration, (applicant) =>
    post(action(managerOf(applicant), 'decideApproval', { mentorId: applicant.id, approvalId: ids.get(applicant.id), decision: 'approve' })),
  );
  const refreshTrips = await countTrips(tables, queues, calibration, (applicant) => post(action(applicant, 'refreshApproval', { mentorId: applicant.id, approvalId: ids.get(applicant.id) })));

  // Latency: a second bot on the same Azurite, reached directly (the counting proxy lives in this process and would add
  // its own delay to every storage call). USERS people at once, each going through sign-up, approval and a card refresh
  // with a short think time; once with the effect worker off (the card actions alone), once with it sending what the
  // actions owe in the same process and on the same Azurite, as `npm start` runs.
  const rest = applicants.slice(calibration.length);
  const half = Math.floor(rest.length / 2);
  const phases = [
    { label: 'card actions alone (worker off)', worker: false, people: rest.slice(0, half), prefix: 'benchalone' },
    { label: 'with the worker delivering in the same process', worker: true, people: rest.slice(half), prefix: 'benchlive' },
  ];
  console.log(`approval: ${USERS} concurrent users, think time ${THINK_MS[0]}–${THINK_MS[1]} ms between actions, Azurite on loopback`);
  console.log(`  storage round trips per action (counted one at a time): submit ${tripsOf(submitTrips)}, approve ${tripsOf(decideTrips)}, refresh ${tripsOf(refreshTrips)} (target <= 3)`);
  for (const phase of phases) {
    const live = await startBot(
      { PORT: '0', LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: phase.prefix, LOCAL_DIRECTORY_FILE: directory, TEAMS_SERVICE_URL: connector.url, TEAMS_TENANT_ID: TENANT, SCHEDULER_INTERVAL_SECONDS: '3600' },
      { startWorker: phase.worker },
    );
    endpoint = `http://127.0.0.1:${live.port}/api/messages`;
    for (const someone of [...phase.people, ...managers]) await post(message(someone, 'sign up'));
    const latencies = await drive(phase.people);
    console.log(`  ${phase.label}, ${phase.people.length} applicants:`);
    console.log(`    ${describeLatencies('submit sign-up', latencies.submit, 50)}`);
    console.log(`    ${describeLatencies('approve', latencies.decide, 50)}`);
    console.log(`    ${describeLatencies('refresh card', latencies.refresh, 50)}`);
    await live.stop();
  }

  async function drive(people: Person[]): Promise<{ submit: number[]; decide: number[]; refresh: number[] }> {
    const latencies = { submit: [] as number[], decide: [] as number[], refresh: [] as number[] };
    await Promise.all(
      Array.from({ length: USERS }, async (_, lane) => {
        for (let i = lane; i < people.length; i += USERS) {
          const applicant = people[i]!;
          await think();
          const submitted = await post(action(applicant, 'submitSignUp', FORM));
          latencies.submit.push(submitted.ms);
          const approvalId = approvalIdIn(submitted.json);
          await think();
          latencies.decide.push((await post(action(managerOf(applicant), 'decideApproval', { mentorId: applicant.id, approvalId, decision: 'approve' }))).ms);
          await think();
          latencies.refresh.push((await post(action(applicant, 'refreshApproval', { mentorId: applicant.id, approvalId }))).ms);
        }
      }),
    );
    return latencies;
  }

  function managerOf(applicant: Person): Person {
    return managers[applicants.indexOf(applicant) % USERS]!;
  }
  await bot.stop();
  await Promise.all([connector.stop(), tables.stop(), queues.stop()]);
  await azurite.stop();
}

const THINK_MS = [100, 400] as const;

/** Storage requests of each action, one action at a time. */
async function countTrips(
  tables: CountingProxy,
  queues: CountingProxy,
  people: Person[],
  act: (someone: Person) => Promise<unknown>,
): Promise<number[]> {
  // Only the journey's own table, its transactions ($batch) and its queue: other features' workers poll their own queues.
  // The Privacy table too: every decision asks who is restricted (read at most once per RESTRICTIONS_FRESH_MS).
  const ours = (path: string): boolean => path.includes('/benchMentors') || path.includes('/benchPrivacy') || path.includes('/$batch') || path.includes('/bench-effects/');
  const counts: number[] = [];
  for (const someone of people) {
    const [tablesBefore, queuesBefore] = [tables.paths.length, queues.paths.length];
    await act(someone);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the queue signal is sent after the answer
    const made = [...tables.paths.slice(tablesBefore), ...queues.paths.slice(queuesBefore)].filter(ours).length;
    counts.push(made);
  }
  return counts;
}

/** The most any one action needed, and the fewest when some needed fewer (the restricted list read once for several). */
function tripsOf(counts: readonly number[]): string {
  const [most, fewest] = [Math.max(...counts), Math.min(...counts)];
  return most === fewest ? `${most}` : `${fewest} (${most} for the first)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchApproval();
