import pino from 'pino';
import { describe, expect, it, inject } from 'vitest';
import { DeliveryError, type EffectDelivery } from '../../../src/platform/delivery/delivery.js';
import { calendarGiveUpNotice } from '../../../src/sessions/app/calendar-give-up.js';
import type { Effect } from '../../../src/platform/app/ports.js';
import { reportUndelivered } from '../../../src/platform/delivery/undelivered/report-undelivered.js';
import { DEFAULT_PATIENT_POLICY } from '../../../src/platform/kernel/delivery/patient-retry.js';
import { EffectWorker, type EffectWorkerOptions } from '../../../src/platform/delivery/effect-worker.js';
import { sweepOutboxes } from '../../../src/platform/delivery/outbox-sweeper.js';
import { addEffectRow, listPending, type OutboxEntity } from '../../../src/platform/storage/outbox.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { UndeliveredRepository } from '../../../src/platform/storage/undelivered.repository.js';
import { eventually } from '../../support/eventually.js';
import { freshStorage } from '../../support/storage.js';

const quiet = pino({ level: 'silent' });
const HOUR = 3_600_000;
const FAST: EffectWorkerOptions = {
  retry: { ...DEFAULT_PATIENT_POLICY, giveUpAfterMs: 2_000, baseDelayMs: 50, maxDelayMs: 200 },
  claimMs: 400,
  pollMs: 20,
  batchSize: 16,
  giveUpNotice: calendarGiveUpNotice,
};
const PARTITION = 'p1';

function effect(id: string, recipientId = 'someone'): Effect {
  return { id, recipientId, message: { type: 'approvalDecided', mentorId: 'm', approvalId: 'r' } };
}

/** A delivery port that records what it was asked to deliver, and can be told to fail. */
class RecordingDelivery implements EffectDelivery {
  readonly delivered: string[] = [];
  readonly tried: string[] = [];
  failures: Array<(effect: Effect) => Error | undefined> = [];
  async deliver(e: Effect): Promise<void> {
    this.tried.push(e.id);
    for (const failure of this.failures) {
      const error = failure(e);
      if (error) throw error;
    }
    this.delivered.push(`${e.id}->${e.recipientId}`);
  }
}

/** The error the Teams transport makes of a token MSAL could not get (src/platform/delivery/connector-errors.ts). */
const noToken = () => new DeliveryError('The bot could not get a token from Microsoft Entra (its sign-in service)', 'retry', undefined, undefined, 'TOKEN_UNAVAILABLE');

async function setUp(coordinators: string[] = ['coordinator'], options: EffectWorkerOptions = FAST, now: () => Date = () => new Date()) {
  const { storage, queue } = await freshStorage();
  const table = await storage.openTable('Mentors');
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const deliveryTable = await openTable(clients, `${table.tableName}Delivery`);
  const tables = new Map([table, deliveryTable].map((t) => [t.tableName, t]));
  const undelivered = new UndeliveredRepository(deliveryTable, (name) => tables.get(name), queue, now);
  const delivery = new RecordingDelivery();
  const makeWorker = (d: EffectDelivery = delivery) =>
    new EffectWorker(queue, (name) => tables.get(name), d, quiet, now, () => coordinators, reportUndelivered(undelivered, () => coordinators, now), options);
  const queueEffect = async (e: Effect) => {
    await addEffectRow(table, PARTITION, e, now());
    await queue.signal(table.tableName, PARTITION);
  };
  const rows = async () => {
    const found: Array<OutboxEntity & { rowKey: string }> = [];
    for await (const row of table.listEntities<OutboxEntity>()) found.push(row as OutboxEntity & { rowKey: string });
    return found;
  };
  /** The coordinators' cards, queued in the delivery table: partition (one per outage) and message type. */
  const cards = async () => {
    const found: Array<{ partition: string; type: string; recipientId: string }> = [];
    for await (const row of deliveryTable.listEntities<OutboxEntity>()) {
      if (row.rowKey!.startsWith('outbox|')) found.push({ partition: row.partitionKey!, type: (JSON.parse(row.message) as { type: string }).type, recipientId: row.recipientId });
    }
    return found;
  };
  return { table, deliveryTable, queue, delivery, undelivered, makeWorker, queueEffect, rows, cards };
}

describe('the effect worker on Azurite queues and tables', () => {
  it('delivers a queued effect once and removes it', async () => {
    const { delivery, makeWorker, queueEffect, table } = await setUp();
    await queueEffect(effect('e1'));
    const worker = makeWorker();
    worker.start();
    await eventually(() => expect(delivery.delivered).toEqual(['e1->someone']));
    await worker.stop();
    expect(await listPending(table, PARTITION)).toHaveLength(0);
  });

  it('waits as long as Retry-After says, then delivers', async () => {
    const { delivery, makeWorker, queueEffect } = await setUp();
    let throttled = false;
    delivery.failures.push(() => (throttled ? undefined : ((throttled = true), new DeliveryError('slow down', 'retry', 1000))));
    await queueEffect(effect('e2'));
    const worker = makeWorker();
    const started = Date.now();
    worker.start();
    await eventually(() => expect(delivery.delivered).toEqual(['e2->someone']), 8000);
    await worker.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up on a permanent failure at once, lists it, and sends each coordinator one card about it', async () => {
    const { delivery, makeWorker, queueEffect, rows, undelivered } = await setUp(['coordinator']);
    delivery.failures.push((e) => (e.recipientId === 'gone' ? new DeliveryError('this person no longer exists', 'permanent', undefined, 'RECIPIENT_GONE') : undefined));
    await queueEffect(effect('e3', 'gone'));
    const worker = makeWorker();
    worker.start();
    await eventually(() => expect(delivery.delivered).toEqual([expect.stringMatching(/^RECIPIENT_GONE\.\d+\.card\.coordinator->coordinator$/)]));
    await worker.stop();
    expect(delivery.tried.filter((id) => id === 'e3')).toHaveLength(1);
    expect((await rows()).filter((row) => row.failedAt).map((row) => [row.lastError, row.lastErrorCode])).toEqual([['this person no longer exists', 'RECIPIENT_GONE']]);
    expect((await undelivered.listAll()).map((m) => [m.effect.id, m.code])).toEqual([['e3', 'RECIPIENT_GONE']]);
  });

  it('never delivers an effect twice when two workers race for it', async () => {
    const { delivery, makeWorker, queueEffect, queue, table } = await setUp();
    for (let i = 0; i < 20; i += 1) await queueEffect(effect(`race-${i}`));
    for (let i = 0; i < 5; i += 1) await queue.signal(table.tableName, PARTITION);
    const [a, b] = [makeWorker(), makeWorker()];
    a.start();
    b.start();
    await eventually(() => expect(delivery.delivered).toHaveLength(20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all([a.stop(), b.stop()]);
    expect(new Set(delivery.delivered).size).toBe(20);
    expect(delivery.delivered).toHaveLength(20);
  });

  it('lets another worker finish what a dead one claimed, after the claim runs out', async () => {
    const { delivery, makeWorker, queueEffect, table, queue } = await setUp();
    await queueEffect(effect('orphan'));
    const hanging: EffectDelivery = { deliver: () => new Promise(() => undefined) };
    const dead = makeWorker(hanging);
    void dead.runOnce();
    await eventually(async () => {
      const [item] = await listPending(table, PARTITION);
      return item !== undefined && Date.parse(item.entity.claimedUntil) > Date.now();
    });
    await sweepUntilDelivered();
    expect(delivery.delivered).toEqual(['orphan->someone']);

    async function sweepUntilDelivered() {
      const survivor = makeWorker();
      survivor.start();
      await eventually(async () => {
        await sweepOutboxes([table], queue, new Date());
        expect(delivery.delivered).toHaveLength(1);
      }, 8000, 200);
      await survivor.stop();
    }
  });

  it('finds effects whose queue signal was lost and signals them again', async () => {
    const { delivery, makeWorker, table, queue } = await setUp();
    await addEffectRow(table, 'lost', effect('no-signal'), new Date());
    expect(await sweepOutboxes([table], queue, new Date())).toBe(1);
    const worker = makeWorker();
    worker.start();
    await eventually(() => expect(delivery.delivered).toEqual(['no-signal->someone']));
    await worker.stop();
  });

  describe('effects that converge (one run brings the same thing up to date from the state as stored)', () => {
    const converging = (id: string, delayMs?: number): Effect => ({ ...effect(id, 'calendar:s1'), convergeKey: 'calendar', ...(delayMs ? { delayMs } : {}) });

    it('runs one of several queued under one key, drops the rest unrun, and leaves other effects alone', async () => {
      const { delivery, makeWorker, queueEffect, table } = await setUp();
      for (const id of ['c1', 'c2', 'c3', 'c4']) await queueEffect(converging(id));
      await queueEffect(effect('plain'));
      const worker = makeWorker();
      worker.start();
      await eventually(async () => expect(await listPending(table, PARTITION)).toHaveLength(0));
      await worker.stop();
      expect(delivery.delivered.filter((d) => d.endsWith('calendar:s1'))).toHaveLength(1);
      expect(delivery.delivered).toContain('plain->someone');
    });

    it('keeps the others waiting with a run that must be retried, and covers them once it succeeds', async () => {
      const { delivery, makeWorker, queueEffect, table } = await setUp();
      let failedOnce = false;
      delivery.failures.push(() => (failedOnce ? undefined : ((failedOnce = true), new DeliveryError('busy', 'retry', 300))));
      for (const id of ['c1', 'c2', 'c3']) await queueEffect(converging(id));
      const worker = makeWorker();
      const wait = await worker.processPartition(table, PARTITION);
      // The others would ask the same of the same busy service: they wait with it.
      expect(delivery.delivered).toEqual([]);
      expect(wait).toBe(300);
      expect(await listPending(table, PARTITION)).toHaveLength(3);
      worker.start();
      await eventually(async () => expect(await listPending(table, PARTITION)).toHaveLength(0), 8000);
      await worker.stop();
      expect(delivery.delivered).toHaveLength(1);
    });

    it('does not drop one another worker has claimed: that worker runs it', async () => {
      const { delivery, makeWorker, queueEffect, table } = await setUp();
      for (const id of ['c1', 'c2']) await queueEffect(converging(id));
      const [, second] = await listPending(table, PARTITION);
      await table.updateEntity({ partitionKey: PARTITION, rowKey: second!.entity.rowKey, claimedUntil: new Date(Date.now() + 300).toISOString() }, 'Merge');
      const worker = makeWorker();
      await worker.processPartition(table, PARTITION);
      expect(delivery.delivered).toHaveLength(1);
      expect((await listPending(table, PARTITION)).map((item) => item.effect.id)).toEqual([second!.effect.id]);
      await new Promise((resolve) => setTimeout(resolve, 350)); // the other worker died: its claim runs out
      await worker.processPartition(table, PARTITION);
      expect(delivery.delivered).toHaveLength(2);
      expect(await listPending(table, PARTITION)).toHaveLength(0);
    });

    it('reports a permanent failure once, not once for each effect the run stood for', async () => {
      const { delivery, makeWorker, queueEffect, table } = await setUp(['coordinator']);
      delivery.failures.push((e) => (e.recipientId === 'calendar:s1' ? new DeliveryError('refused', 'permanent') : undefined));
      // A calendar's failure has its own notice (sessionCalendarFailed), queued next to it, not the undelivered list.
      const calendarSync = (id: string): Effect => ({ ...converging(id), message: { type: 'syncSessionCalendar', sessionId: 's1', version: 1 } });
      for (const id of ['c1', 'c2', 'c3']) await queueEffect(calendarSync(id));
      const worker = makeWorker();
      await worker.processPartition(table, PARTITION);
      await worker.processPartition(table, PARTITION); // the notice to the coordinator, queued by the first pass
      expect(delivery.delivered.filter((d) => d.endsWith('->coordinator'))).toHaveLength(1);
      expect(await listPending(table, PARTITION)).toHaveLength(0);
      const failed = [];
      for await (const row of table.listEntities<{ failedAt?: string }>()) if (row.failedAt) failed.push(row.rowKey);
      expect(failed).toHaveLength(1);
    });

    it('waits delayMs before the first run, so a burst is carried out once', async () => {
      const { delivery, makeWorker, queueEffect, table } = await setUp();
      await queueEffect(converging('c1', 600));
      const worker = makeWorker();
      const wait = await worker.processPartition(table, PARTITION);
      expect(delivery.delivered).toEqual([]);
      expect(wait).toBeGreaterThan(400);
      await queueEffect(converging('c2', 600));
      await new Promise((resolve) => setTimeout(resolve, 650));
      await worker.processPartition(table, PARTITION);
      expect(delivery.delivered).toHaveLength(1);
      expect(await listPending(table, PARTITION)).toHaveLength(0);
    });
  });

  describe('an owed message is kept through an outage, and given up only for good reasons (controllable clock)', () => {
    const HOURS_72: EffectWorkerOptions = { ...FAST, retry: DEFAULT_PATIENT_POLICY };

    /** Runs the worker over the partition as the clock moves on, as the sweeper would wake it, until `until` holds. */
    async function runFor(worker: EffectWorker, table: Parameters<EffectWorker['processPartition']>[0], clock: { at: number }, spanMs: number, stepMs: number) {
      for (let passed = 0; passed <= spanMs; passed += stepMs) {
        await worker.processPartition(table, PARTITION);
        clock.at += stepMs;
      }
    }

    it('no token for 6 hours: the message waits, says why, and is delivered once when the token service is back', async () => {
      const clock = { at: Date.parse('2026-11-09T09:00:00Z') };
      const { delivery, makeWorker, queueEffect, table, rows, undelivered } = await setUp(['coordinator'], HOURS_72, () => new Date(clock.at));
      let tokenService: 'down' | 'up' = 'down';
      delivery.failures.push(() => (tokenService === 'down' ? noToken() : undefined));
      await queueEffect(effect('approval-card', 'manager'));
      const worker = makeWorker();
      await runFor(worker, table, clock, 6 * HOUR, 5 * 60_000);
      const [waiting] = await rows();
      expect(waiting).toMatchObject({ lastErrorCode: 'TOKEN_UNAVAILABLE', lastError: expect.stringContaining('could not get a token from Microsoft Entra') });
      expect(waiting!.failedAt).toBeUndefined();
      expect(waiting!.attempts).toBeGreaterThan(20); // capped backoff: tried again every few minutes, not once an hour
      tokenService = 'up';
      await runFor(worker, table, clock, 15 * 60_000, 60_000);
      expect(delivery.delivered).toEqual(['approval-card->manager']);
      expect(await rows()).toEqual([]);
      expect(await undelivered.listAll()).toEqual([]);
    });

    it('still no token after DELIVERY_GIVE_UP_HOURS: given up, listed, and each coordinator gets one card for the outage', async () => {
      const clock = { at: Date.parse('2026-11-09T09:00:00Z') };
      const { delivery, makeWorker, queueEffect, table, rows, undelivered, cards } = await setUp(['c1', 'c2'], HOURS_72, () => new Date(clock.at));
      delivery.failures.push((e) => (e.recipientId === 'manager' || e.recipientId === 'other' ? noToken() : undefined));
      await queueEffect(effect('first', 'manager'));
      const worker = makeWorker();
      await runFor(worker, table, clock, 71 * HOUR, 30 * 60_000);
      expect(await undelivered.listAll()).toEqual([]);
      await queueEffect(effect('second', 'other'));
      await runFor(worker, table, clock, 73 * HOUR, 30 * 60_000);
      const failed = (await rows()).filter((row) => row.failedAt);
      expect(failed.map((row) => row.lastErrorCode)).toEqual(['TOKEN_UNAVAILABLE', 'TOKEN_UNAVAILABLE']);
      expect(failed[0]!.lastError).toContain('on every try for 72 hours');
      const listed = await undelivered.listAll();
      expect(listed.map((m) => m.effect.id)).toEqual(['first', 'second']);
      expect(new Set(listed.map((m) => m.outageId)).size).toBe(1);
      // One card per coordinator for the outage; the second failure updates it instead of sending another.
      const queued = await cards();
      expect(queued.filter((c) => c.type === 'deliveryOutage').map((c) => c.recipientId).sort()).toEqual(['c1', 'c2']);
      expect(queued.filter((c) => c.type === 'deliveryOutageUpdate').map((c) => c.recipientId).sort()).toEqual(['c1', 'c2']);
    });

    it('a delivery that gets through ends the outage: the next failure is a new card', async () => {
      const { delivery, makeWorker, queueEffect, table, undelivered, cards } = await setUp(['c1']);
      const blocked = () => new DeliveryError('blocked', 'permanent', undefined, 'BOT_BLOCKED');
      delivery.failures.push((e) => (e.recipientId === 'blocker' ? blocked() : undefined));
      const worker = makeWorker();
      await queueEffect(effect('a', 'blocker'));
      await worker.processPartition(table, PARTITION);
      await queueEffect(effect('b', 'someone'));
      await worker.processPartition(table, PARTITION);
      await queueEffect(effect('c', 'blocker'));
      await worker.processPartition(table, PARTITION);
      const listed = await undelivered.listAll();
      expect(listed.map((m) => m.effect.id)).toEqual(['a', 'c']);
      expect(new Set(listed.map((m) => m.outageId)).size).toBe(2);
      expect((await cards()).filter((c) => c.type === 'deliveryOutage')).toHaveLength(2);
    });

    it('a coordinator notice that fails for good is listed too, never dropped', async () => {
      const { delivery, makeWorker, queueEffect, table, undelivered } = await setUp(['c1', 'c2']);
      delivery.failures.push((e) => (e.recipientId === 'c2' ? new DeliveryError('blocked', 'permanent', undefined, 'BOT_BLOCKED') : undefined));
      await queueEffect({ id: 'escalated.c2', recipientId: 'c2', message: { type: 'coordinatorNotice', notice: { kind: 'approvalEscalated', mentorId: 'm', approvalId: 'r' } } });
      await makeWorker().processPartition(table, PARTITION);
      expect((await undelivered.listAll()).map((m) => [m.effect.id, m.code])).toEqual([['escalated.c2', 'BOT_BLOCKED']]);
    });

    it('Try again queues a listed message once where it was queued, however often it is pressed', async () => {
      const { delivery, makeWorker, queueEffect, table, undelivered } = await setUp(['c1']);
      let blocked = true;
      delivery.failures.push((e) => (blocked && e.recipientId === 'p' ? new DeliveryError('blocked', 'permanent', undefined, 'BOT_BLOCKED') : undefined));
      await queueEffect(effect('owed', 'p'));
      const worker = makeWorker();
      await worker.processPartition(table, PARTITION);
      const [listed] = await undelivered.listAll();
      blocked = false;
      expect(await Promise.all([undelivered.queueAgain(listed!, new Date()), undelivered.queueAgain(listed!, new Date())])).toEqual(expect.arrayContaining([true, false]));
      expect(await undelivered.queueAgain(listed!, new Date())).toBe(false);
      await worker.processPartition(table, PARTITION);
      expect(delivery.delivered.filter((d) => d.endsWith('->p'))).toEqual([`owed.again.${Date.parse(listed!.failedAt)}->p`]);
      expect(await undelivered.listAll()).toEqual([]);
    });
  });
});
