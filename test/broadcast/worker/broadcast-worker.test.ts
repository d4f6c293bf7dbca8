import pino from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { DeliveryError } from '../../../src/platform/delivery/delivery.js';
import type { Broadcast, ProgressCounts } from '../../../src/broadcast/app/broadcast.js';
import type { BroadcastSender } from '../../../src/broadcast/app/ports.js';
import { startBroadcast } from '../../../src/broadcast/app/start-broadcast.js';
import { BroadcastWorker, DEFAULT_BROADCAST_WORKER_OPTIONS, type BroadcastWorkerOptions } from '../../../src/broadcast/worker/broadcast-worker.js';
import { SendPacer } from '../../../src/platform/delivery/send-pacer.js';
import { TEAMS_BOT_RATE_LIMITS } from '../../../src/broadcast/domain/index.js';
import { BroadcastQueue } from '../../../src/broadcast/store/broadcast-queue.js';
import { BroadcastRepository } from '../../../src/broadcast/store/broadcast.repository.js';
import { WorkerPresenceRepository } from '../../../src/broadcast/store/worker-presence.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { eventually } from '../../support/eventually.js';
import { uniquePrefix } from '../../support/test-bot.js';

const quiet = pino({ level: 'silent' });
const FAST: BroadcastWorkerOptions = { ...DEFAULT_BROADCAST_WORKER_OPTIONS, pollMs: 20, progressEveryMs: 100, heartbeatMs: 500, visibilitySeconds: 1, claimMs: 5_000, retry: { ...DEFAULT_BROADCAST_WORKER_OPTIONS.retry, baseDelayMs: 50, maxAttempts: 3 } };
const COORDINATOR = { id: 'coordinator', name: 'Isaiah' };

/** Records sends; `fail(recipient)` decides what a send to that person does. */
class RecordingSender implements BroadcastSender {
  readonly sent: string[] = [];
  readonly progress: Array<{ progress: ProgressCounts; finished: boolean }> = [];
  fail: (recipientId: string, attempt: number) => Error | undefined = () => undefined;
  private readonly attempts = new Map<string, number>();
  async send(_broadcast: Broadcast, recipientId: string, whenReady?: () => Promise<void>): Promise<void> {
    await whenReady?.();
    const attempt = (this.attempts.get(recipientId) ?? 0) + 1;
    this.attempts.set(recipientId, attempt);
    const error = this.fail(recipientId, attempt);
    if (error) throw error;
    this.sent.push(recipientId);
  }
  async showProgress(_broadcast: Broadcast, progress: ProgressCounts, finished: boolean): Promise<void> {
    this.progress.push({ progress, finished });
  }
}

async function setUp() {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const table = await openTable(clients, `${prefix}Broadcasts`);
  const repo = new BroadcastRepository(table);
  const recipients = repo.recipients;
  const queueClient = clients.queue(`${prefix.toLowerCase()}-broadcast`);
  await queueClient.createIfNotExists();
  const queue = new BroadcastQueue(queueClient);
  const sender = new RecordingSender();
  const pacer = () => new SendPacer({ ...TEAMS_BOT_RATE_LIMITS, perTenant: [{ count: 1000, windowMs: 1000 }] }, undefined, () => new Date());
  const worker = () => new BroadcastWorker({ broadcasts: repo, presence: new WorkerPresenceRepository(table), queue, sender, pacer: pacer(), log: quiet, now: () => new Date() }, FAST);
  const start = (id: string, recipients: string[]) =>
    startBroadcast({ broadcasts: repo, queue }, COORDINATOR, { id, content: { text: 'Hello' }, audienceLabel: 'Test', recipients, reportTo: COORDINATOR.id }, new Date());
  return { repo, recipients, queue, queueClient, sender, worker, start };
}

const people = (n: number) => Array.from({ length: n }, (_, i) => `person-${i}`);

describe('the broadcast worker on Azurite', () => {
  it('sends each recipient once although every queue message arrives twice', async () => {
    const w = await setUp();
    await w.start('b1', people(40));
    await w.queue.enqueueAll('b1', people(40)); // a duplicate of every message
    const worker = w.worker();
    worker.start();
    await eventually(() => w.sender.progress.some((p) => p.finished), 60_000);
    await worker.stop();
    expect(w.sender.sent.sort()).toEqual(people(40).sort());
    expect(w.sender.progress.at(-1)).toMatchObject({ finished: true, progress: { sent: 40, failed: 0, remaining: 0 } });
  }, 90_000);

  it('finds recipients whose queue messages were lost (the sweeper) and finishes', async () => {
    const w = await setUp();
    await w.start('b2', people(10));
    await w.queueClient.clearMessages(); // the messages are gone; the rows are the truth
    const worker = w.worker();
    worker.start();
    expect(await worker.sweep(0)).toBe(10);
    await eventually(() => w.sender.progress.some((p) => p.finished), 60_000);
    await worker.stop();
    expect(w.sender.sent.sort()).toEqual(people(10).sort());
  }, 90_000);

  it('waits as long as Retry-After says, retries a dropped connection, and ends a blocked or gone person as failed with the reason', async () => {
    const w = await setUp();
    w.sender.fail = (recipient, attempt) => {
      // As the Teams transport answers: each failure carries its classification as data.
      if (recipient === 'person-0' && attempt === 1) return new DeliveryError('Teams asked the bot to slow down', 'retry', 1_000, undefined, 'THROTTLED');
      if (recipient === 'person-1' && attempt < 3) return new DeliveryError('The connection to Teams failed', 'retry', undefined, undefined, 'UNREACHABLE');
      if (recipient === 'person-2') return new DeliveryError('This person has blocked the bot, or the app is not installed for them.', 'permanent', undefined, 'BOT_BLOCKED');
      if (recipient === 'person-3') return new DeliveryError('This person or their chat with the bot no longer exists', 'permanent', undefined, 'RECIPIENT_GONE');
      if (recipient === 'person-4') return new DeliveryError('Teams had a temporary problem (HTTP 503)', 'retry', undefined, undefined, 'SERVER_ERROR');
      return undefined;
    };
    const started = Date.now();
    await w.start('b3', people(6));
    const worker = w.worker();
    worker.start();
    await eventually(() => w.sender.progress.some((p) => p.finished), 60_000);
    await worker.stop();
    const final = w.sender.progress.at(-1)!.progress;
    expect(final).toMatchObject({ total: 6, sent: 3, failed: 3, remaining: 0 });
    expect(Object.fromEntries(final.failures.map((f) => [f.recipientId, f.code]))).toEqual({ 'person-2': 'BOT_BLOCKED', 'person-3': 'RECIPIENT_GONE', 'person-4': 'GAVE_UP' });
    expect(final.failures.find((f) => f.recipientId === 'person-3')?.reason).toContain('no longer exists');
    expect(w.sender.sent.sort()).toEqual(['person-0', 'person-1', 'person-5']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  }, 90_000);

  it('counts a recipient whose claim was left without an outcome as "may have received it twice", and nobody else', async () => {
    const w = await setUp();
    await w.start('b4', people(6));
    // A worker that died mid-broadcast: it had claimed person-0 (and Teams had posted that send) and person-1 (still
    // waiting for its slot: no copy), and claimed and answered for the others it touched.
    const claim = async (recipientId: string, forMs: number) => {
      const record = (await w.recipients.get('b4', recipientId))!;
      return { record, claim: (await w.recipients.claim(record, new Date(Date.now() + forMs)))! };
    };
    await claim('person-0', 300);
    w.sender.sent.push('person-0');
    await claim('person-1', 300);
    const released = await claim('person-2', 60_000); // stopped cleanly before sending: gave the claim back
    await w.recipients.release(released.record, released.claim.etag);
    const throttled = await claim('person-3', 60_000); // Teams answered 429: nothing posted, tried again later
    await w.recipients.recordRetry(throttled.record, throttled.claim.etag, new Date(), 'Teams asked the bot to slow down.');
    await new Promise((resolve) => setTimeout(resolve, 400)); // the dead worker's claims run out

    const worker = w.worker();
    worker.start();
    await eventually(() => w.sender.progress.some((p) => p.finished), 60_000);
    await worker.stop();

    expect(w.sender.sent.filter((id) => id === 'person-0')).toHaveLength(2);
    expect(w.sender.sent.filter((id) => id !== 'person-0').sort()).toEqual(people(6).slice(1).sort());
    expect(w.sender.progress.at(-1)).toMatchObject({ finished: true, progress: { sent: 6, failed: 0, remaining: 0, mayHaveReceivedTwice: 2 } });
    expect(await w.repo.counts('b4')).toMatchObject({ sent: 6, mayHaveReceivedTwice: 2 });
    const inDoubt = (await w.recipients.list('b4')).filter((r) => r.inDoubt).map((r) => r.recipientId);
    expect(inDoubt.sort()).toEqual(['person-0', 'person-1']);
  }, 90_000);

  it('counts a send cut off after it may have reached Teams (reset, timed out), not one refused before it left', async () => {
    const w = await setUp();
    w.sender.fail = (recipient, attempt) => {
      if (attempt > 1) return undefined;
      if (recipient === 'person-0') return new DeliveryError('The connection to Teams was cut off', 'retry', undefined, undefined, 'CONNECTION_RESET');
      if (recipient === 'person-1') return new DeliveryError('Teams did not answer in time', 'retry', undefined, undefined, 'TIMED_OUT');
      if (recipient === 'person-2') return new DeliveryError('Teams refused the connection', 'retry', undefined, undefined, 'CONNECTION_REFUSED');
      if (recipient === 'person-3') return new DeliveryError('Teams asked the bot to slow down', 'retry', 100, undefined, 'THROTTLED');
      return undefined;
    };
    await w.start('b5', people(5));
    const worker = w.worker();
    worker.start();
    await eventually(() => w.sender.progress.some((p) => p.finished), 60_000);
    await worker.stop();
    expect(w.sender.progress.at(-1)).toMatchObject({ finished: true, progress: { sent: 5, remaining: 0, mayHaveReceivedTwice: 2 } });
    const inDoubt = (await w.recipients.list('b5')).filter((r) => r.inDoubt).map((r) => r.recipientId);
    expect(inDoubt.sort()).toEqual(['person-0', 'person-1']);
  }, 90_000);
});
