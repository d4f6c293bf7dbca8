import { journeyFeature } from '../src/journey/journey.feature.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { broadcastFeature } from '../src/broadcast/broadcast.feature.js';
import { startBot } from '../src/main.js';
import { ConversationRepository } from '../src/platform/storage/conversation.repository.js';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { storageClients } from '../src/platform/storage/storage-clients.js';
import { BroadcastConnectorStandIn } from '../test/support/broadcast-connector.js';
import { CAST, ISAIAH, PATTI } from '../test/support/people.js';
import { cpuMsOf } from './support/cpu-time.js';

const RECIPIENTS = 1_000;
/** Microsoft's published per-app per-tenant limit for bots: 50 requests a second (src/platform/kernel/delivery/teams-rate-limits.ts). */
const PER_SECOND = 50;
const FLOOR_MS = (RECIPIENTS / PER_SECOND) * 1000;

/**
 * A broadcast to 1,000 people through the real bot and worker, on Azurite, against a connector stand-in that answers
 * 429 beyond 50 requests a second: the total time against the 20 s floor that limit sets, and duplicates and losses.
 */
export async function benchBroadcast(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const connector = await new BroadcastConnectorStandIn().start();
  connector.perSecondLimit = PER_SECOND;
  const people = [
    ...CAST,
    ...Array.from({ length: RECIPIENTS - CAST.length }, (_, i) => ({ id: `aaaaaaaa-bbbb-4ccc-8ddd-${i.toString(16).padStart(12, '0')}`, name: `Recipient ${i + 1}` })),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'broadcast-bench-'));
  const directory = path.join(dir, 'directory.json');
  writeFileSync(directory, JSON.stringify({ people, coordinatorIds: [ISAIAH.id], governanceApproverIds: [PATTI.id] }));
  const env = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'bench',
    LOCAL_DIRECTORY_FILE: directory,
    TEAMS_TENANT_ID: 'bench-tenant',
    TEAMS_SERVICE_URL: connector.url,
    BROADCAST_TENANT_PER_SECOND: String(PER_SECOND),
    WORKER_POLL_MS: '50',
    BROADCAST_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '16',
    ...(process.env.BENCH_PROGRESS_MS ? { BROADCAST_PROGRESS_MS: process.env.BENCH_PROGRESS_MS } : {}),
  };
  const bot = await startBot(env, { features: [journeyFeature, broadcastFeature] });
  try {
    const conversations = new ConversationRepository(storageClients({ kind: 'connectionString', connectionString: azurite.connectionString }).table('benchConversations'));
    for (let i = 0; i < people.length; i += 50) {
      await Promise.all(people.slice(i, i + 50).map((p) => conversations.remember({ personId: p.id, teamsUserId: `29:${p.id}`, conversationId: chat(p.id), serviceUrl: connector.url })));
    }
    const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
    const send = (activity: Record<string, unknown>) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceUrl: connector.url, ...activity }) });
    const from = { channelId: 'msteams', from: { id: `29:${ISAIAH.id}`, aadObjectId: ISAIAH.id, name: ISAIAH.name }, recipient: { id: '28:bot' }, conversation: { id: chat(ISAIAH.id), conversationType: 'personal', tenantId: 'bench-tenant' } };
    await send({ ...from, type: 'message', id: 'm1', text: 'broadcast' });
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(connector.delivered(chat(ISAIAH.id)).at(-1)?.body))![1]!;
    const before = connector.requests.length;
    const cpuBefore = cpuMsOf(process.pid);
    const azuriteBefore = azurite.pids.map(cpuMsOf);
    const started = Date.now();
    await send({ ...from, type: 'invoke', name: 'adaptiveCard/action', id: 'm2', value: { action: { type: 'Action.Execute', verb: 'broadcastSend', data: { draftId, sessionId: 'none', text: 'Information session on 9 November: book your place.', audience: 'eligible', people: '' } } } });
    const answeredAt = Date.now();
    let finishedAt = 0;
    while (Date.now() - started < 120_000) {
      const last = JSON.stringify(connector.updates(chat(ISAIAH.id)).at(-1)?.body ?? '');
      // The final report's heading ("Sent to 1000 people"); while sending it reads "Sending to …".
      if (/Sent to \d|Not sent: /.test(last)) {
        finishedAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const botCpuMs = cpuMsOf(process.pid) - cpuBefore;
    const [queueCpuMs, tableCpuMs] = azurite.pids.map((pid, i) => cpuMsOf(pid) - azuriteBefore[i]!);
    const sends = connector.requests.slice(before).filter((r) => r.method === 'POST' && r.answer === 201);
    const firstSend = Math.min(...sends.map((r) => r.at));
    const lastSend = Math.max(...sends.map((r) => r.at));
    const teamsRequests = connector.requests.slice(before).filter((r) => typeof r.answer === 'number' && r.answer < 300);
    const progressUpdates = teamsRequests.filter((r) => r.method === 'PUT').length;
    const perPerson = people.map((p) => connector.delivered(chat(p.id)).filter((r) => connector.requests.indexOf(r) >= before).length);
    const total = finishedAt ? finishedAt - started : Number.NaN;
    console.log(`recipients                 ${RECIPIENTS}`);
    console.log(`limit (per app per tenant) ${PER_SECOND} a second; floor ${(FLOOR_MS / 1000).toFixed(1)} s`);
    console.log(`first to last send         ${((lastSend - firstSend) / 1000).toFixed(2)} s`);
    console.log(`Send pressed to report     ${(total / 1000).toFixed(2)} s  (${((total / FLOOR_MS - 1) * 100).toFixed(1)}% over the floor; target within 10%)`);
    console.log(`  Send to its answer       ${((answeredAt - started) / 1000).toFixed(2)} s  (the recipients' rows are written before it)`);
    console.log(`  Send to first send       ${((firstSend - started) / 1000).toFixed(2)} s`);
    console.log(`  last send to report      ${((finishedAt - lastSend) / 1000).toFixed(2)} s`);
    console.log(`  progress card updates    ${progressUpdates} (each takes a slot of the same 50 a second)`);
    console.log(`  closest 51st request     ${closest51st(teamsRequests.map((r) => r.at))} ms after the 1st, among accepted requests (at least 1000)`);
    console.log(`CPU, Send to report       bot ${(botCpuMs / RECIPIENTS).toFixed(2)} ms a recipient (with the connector stand-in, which runs in the same process); Azurite's queues ${(queueCpuMs! / RECIPIENTS).toFixed(2)} ms, tables ${(tableCpuMs! / RECIPIENTS).toFixed(2)} ms`);
    console.log(`duplicates                 ${perPerson.filter((n) => n > 1).length}  (target 0)`);
    console.log(`losses                     ${perPerson.filter((n) => n === 0).length}  (target 0)`);
    console.log(`429s from the stand-in     ${connector.requests.slice(before).filter((r) => r.answer === 429).length}`);
    console.log(`peak accepted in a second  ${connector.peakPerSecond()}`);
    if (process.env.BENCH_DETAIL) {
      const buckets = new Map<number, number>();
      for (const r of sends) buckets.set(Math.floor((r.at - firstSend) / 1000), (buckets.get(Math.floor((r.at - firstSend) / 1000)) ?? 0) + 1);
      console.log('sends per second', [...buckets.values()].join(' '));
      console.log('429 at', connector.requests.slice(before).filter((r) => r.answer === 429).map((r) => Math.floor((r.at - firstSend) / 1000)).join(' '));
    }
  } finally {
    await bot.stop();
    await connector.stop();
    await azurite.stop();
  }
}

/** The smallest gap, at the stand-in, between a request and the one 50 requests later: how close the pacing came to the limit. */
function closest51st(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let closest = Number.POSITIVE_INFINITY;
  for (let i = PER_SECOND; i < sorted.length; i += 1) closest = Math.min(closest, sorted[i]! - sorted[i - PER_SECOND]!);
  return closest;
}

function chat(personId: string): string {
  return `a:personal-${personId}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchBroadcast();
