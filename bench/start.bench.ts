import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { TeamsConnectorStandIn } from '../test/support/teams-connector.js';
import { directoryFile, driveApprovals, message, person, poster, TENANT, type Person } from './support/approval-load.js';
import { spawnBot } from './support/bot-process.js';
import { median } from './floor.bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const MB = 1024 * 1024;

/**
 * Start-up and memory of the compiled bot (`npm run build`, then `node dist/src/main.js`, as the App Service runs it):
 * from spawning the process to its first answer on /health, STARTS times with the embedded Azurite (local mode) and
 * STARTS times with storage already running; the idle resident memory; and the live heap after a forced collection
 * after each of three identical approval loads.
 */
export async function benchStart(): Promise<void> {
  build();
  const data = mkdtempSync(path.join(tmpdir(), 'start-bench-'));
  const embedded: number[] = [];
  for (let i = 0; i < STARTS; i++) embedded.push((await timedStart({ LOCAL_DATA_DIR: data })).ms);
  const azurite = await startEmbeddedAzurite();
  const running: number[] = [];
  let idleRss = 0;
  for (let i = 0; i < STARTS; i++) {
    const started = await timedStart({ STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'startbench' }, i === STARTS - 1);
    running.push(started.ms);
    idleRss = started.idleRss ?? idleRss;
  }
  const floor: number[] = [];
  for (let i = 0; i < STARTS; i++) floor.push((await timedStart({}, false, FLOOR_SCRIPT)).ms);
  console.log(`start: compiled, from spawn to the first 200 on /health, ${STARTS} starts each (median, then every start)`);
  console.log(`  floor (node loading the same SDKs, then listening): median ${median(floor).toFixed(0)} ms [${floor.map((ms) => ms.toFixed(0)).join(', ')}]`);
  console.log(`  start with embedded Azurite: median ${median(embedded).toFixed(0)} ms (target <= 3000) [${embedded.map((ms) => ms.toFixed(0)).join(', ')}]`);
  console.log(`  start with storage running:  median ${median(running).toFixed(0)} ms (target <= 1500) [${running.map((ms) => ms.toFixed(0)).join(', ')}]`);
  console.log(`  start ratio to the floor: embedded ${(median(embedded) / median(floor)).toFixed(2)}, storage running ${(median(running) / median(floor)).toFixed(2)}`);
  console.log(`  idle RSS after start: ${(idleRss / MB).toFixed(0)} MB (target <= 200)`);
  await heapAcrossLoads(azurite.connectionString);
  await azurite.stop();
}

function build(): void {
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('the build failed');
}

/** What any start of this bot pays before its own work: loading the SDKs it is built on, and listening. */
const FLOOR_SCRIPT = [
  "import '@microsoft/teams-ai'; import 'botbuilder'; import '@azure/data-tables'; import '@azure/storage-queue';",
  "import '@azure/identity'; import '@microsoft/microsoft-graph-client'; import 'zod'; import 'pino';",
  "import { createServer } from 'node:http';",
  "createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');",
].join('\n');

async function timedStart(env: Record<string, string>, measureIdle = false, script?: string): Promise<{ ms: number; idleRss?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, script ? ['--input-type=module', '-e', script] : [MAIN], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the bot exited with code ${code} before answering /health`))));
  exited.catch(() => undefined);
  for (;;) {
    const ok = await Promise.race([fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false), exited]);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ms = performance.now() - started;
  let idleRss: number | undefined;
  if (measureIdle) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idleRss = rssOf(child.pid!);
  }
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
  return { ms, ...(idleRss !== undefined ? { idleRss } : {}) };
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Three identical loads on one compiled bot (worker on): the live heap after each, once the worker has caught up. */
async function heapAcrossLoads(connectionString: string): Promise<void> {
  const connector = await new TeamsConnectorStandIn().start();
  const post = poster(connector.url);
  const perLoad = 60;
  const managers = Array.from({ length: 20 }, (_, i) => person(i, 'manager'));
  const applicants = Array.from({ length: perLoad * 3 }, (_, i) => person(i, 'applicant'));
  const managerOf = (applicant: Person): Person => managers[applicants.indexOf(applicant) % managers.length]!;
  const bot = await spawnBot(
    { STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: 'heapbench', LOCAL_DIRECTORY_FILE: directoryFile(applicants, managers), TEAMS_SERVICE_URL: connector.url, TEAMS_TENANT_ID: TENANT, SCHEDULER_INTERVAL_SECONDS: '3600' },
    { compiled: true },
  );
  for (const someone of managers) await post(bot.endpoint, message(someone, 'sign up'));
  const before = await bot.memory();
  const heaps: number[] = [];
  let rss = 0;
  for (let load = 0; load < 3; load++) {
    const people = applicants.slice(load * perLoad, (load + 1) * perLoad);
    for (const someone of people) await post(bot.endpoint, message(someone, 'sign up'));
    await driveApprovals(post, [bot.endpoint], people, managerOf, 20);
    await new Promise((resolve) => setTimeout(resolve, 4000)); // the worker sends what the load owes
    const after = await bot.memory();
    heaps.push(after.heapUsed);
    rss = after.rss;
  }
  await bot.stop();
  await connector.stop();
  const growth = heaps[2]! - heaps[0]!;
  console.log(`memory: compiled bot, worker on, three identical loads of ${perLoad} sign-ups and approvals (live heap after a forced collection)`);
  console.log(`  live heap before ${(before.heapUsed / MB).toFixed(1)} MB, after each load ${heaps.map((h) => (h / MB).toFixed(1)).join(' / ')} MB, growth from load 1 to 3: ${(growth / MB).toFixed(1)} MB; RSS ${(rss / MB).toFixed(0)} MB`);
}

function freePort(): Promise<number> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
      }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchStart();
  process.exit(0);
}
