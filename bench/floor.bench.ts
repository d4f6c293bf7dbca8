import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { TeamsConnectorStandIn } from '../test/support/teams-connector.js';
import { directoryFile, driveApprovals, message, person, poster, TENANT, type Latencies, type Person } from './support/approval-load.js';
import { spawnBot } from './support/bot-process.js';
import { percentile } from './support/percentiles.js';

const USERS = Number(process.env.BENCH_USERS ?? 20);
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 3);
const PER_RUN = Number(process.env.BENCH_FLOOR_APPLICANTS ?? 100);
const ACTIONS = ['submit', 'decide', 'refresh'] as const;
const LABELS: Record<(typeof ACTIONS)[number], string> = { submit: 'submit', decide: 'approve', refresh: 'refresh' };

type Kind = 'ours' | 'bare';
type Figures = Record<(typeof ACTIONS)[number], { p50: number; p95: number }>;

/**
 * The approval card actions against their floor, in one run: the real bot (worker running, ROLE=all, as `npm start`)
 * and a bare bot (bench/support/bare-bot.ts) take turns under the approval bench's load, each in its own process, with
 * this process generating the load; the ratios are taken per round and their medians printed, so a machine that is
 * slower for a while slows both alike. BENCH_FLOOR_PROFILE=<dir> writes a CPU profile of each real bot there.
 */
export async function benchFloor(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const connector = await new TeamsConnectorStandIn().start();
  const post = poster(connector.url);
  const managers = Array.from({ length: USERS }, (_, i) => person(i, 'manager'));
  const applicants = Array.from({ length: PER_RUN * ROUNDS * 2 }, (_, i) => person(i, 'applicant'));
  const managerOf = (applicant: Person): Person => managers[applicants.indexOf(applicant) % USERS]!;
  const directory = directoryFile(applicants, managers);
  const runs: Record<Kind, Figures[]> = { ours: [], bare: [] };
  console.log(`floor: ${ROUNDS} rounds of the real bot (worker on) and a bare bot, ${USERS} users, ${PER_RUN} applicants a run, each bot in its own process`);
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order: Kind[] = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const kind of order) {
      const people = applicants.slice(next, next + PER_RUN);
      next += PER_RUN;
      const bot = await spawnBot(
        {
          BENCH_BOT: kind,
          STORAGE_CONNECTION_STRING: azurite.connectionString,
          TABLE_PREFIX: `floor${kind}${round}`,
          LOCAL_DIRECTORY_FILE: directory,
          TEAMS_SERVICE_URL: connector.url,
          TEAMS_TENANT_ID: TENANT,
          SCHEDULER_INTERVAL_SECONDS: '3600',
        },
        kind === 'ours' && process.env.BENCH_FLOOR_PROFILE ? { cpuProfileDir: process.env.BENCH_FLOOR_PROFILE } : {},
      );
      const everyone = [...people, ...managers];
      for (let i = 0; i < everyone.length; i += 10) await Promise.all(everyone.slice(i, i + 10).map((someone) => post(bot.endpoint, message(someone, 'sign up'))));
      const cpuBefore = cpuMs(bot.child.pid);
      const latencies = await driveApprovals(post, [bot.endpoint], people, managerOf, USERS);
      const cpu = cpuMs(bot.child.pid) - cpuBefore;
      await bot.stop();
      runs[kind].push(figuresOf(latencies));
      const perApplicant = Number.isNaN(cpu) ? '' : `; bot CPU ${(cpu / people.length).toFixed(1)} ms an applicant`;
      console.log(`  round ${round + 1} ${kind}: ${ACTIONS.map((a) => `${LABELS[a]} ${runs[kind].at(-1)![a].p50.toFixed(1)}/${runs[kind].at(-1)![a].p95.toFixed(1)} ms`).join(', ')}${perApplicant}`);
    }
  }
  let worst = 0;
  for (const a of ACTIONS) {
    const ratio50 = median(runs.ours.map((ours, i) => ours[a].p50 / runs.bare[i]![a].p50));
    const ratio95 = median(runs.ours.map((ours, i) => ours[a].p95 / runs.bare[i]![a].p95));
    worst = Math.max(worst, ratio95);
    const ms = (kind: Kind, p: 'p50' | 'p95') => median(runs[kind].map((f) => f[a][p])).toFixed(1);
    console.log(`floor ratio ${LABELS[a]}: p50 ${ratio50.toFixed(2)}, p95 ${ratio95.toFixed(2)} (ours ${ms('ours', 'p50')}/${ms('ours', 'p95')} ms, bare ${ms('bare', 'p50')}/${ms('bare', 'p95')} ms)`);
  }
  console.log(`floor ratio worst p95: ${worst.toFixed(2)} (target <= 1.5)`);
  await connector.stop();
  await azurite.stop();
}

/**
 * The CPU a process has used (user and system, ms), from /proc on Linux; NaN elsewhere. Unlike latency it hardly moves
 * with the machine's load, so it shows what a change saves when the machine is shared (the worker's share included).
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function figuresOf(latencies: Latencies): Figures {
  const of = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  return { submit: of(latencies.submit), decide: of(latencies.decide), refresh: of(latencies.refresh) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchFloor();
  process.exit(0);
}
