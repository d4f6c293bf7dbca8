import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DeliveryError, type EffectDelivery } from '../../../src/platform/delivery/delivery.js';
import type { Effect } from '../../../src/platform/app/ports.js';
import { EffectWorker, type EffectWorkerOptions } from '../../../src/platform/delivery/effect-worker.js';
import { sweepOutboxes } from '../../../src/platform/delivery/outbox-sweeper.js';
import { addEffectRow, listPending } from '../../../src/platform/storage/outbox.js';
import { eventually } from '../../support/eventually.js';
import { freshStorage } from '../../support/storage.js';

const quiet = pino({ level: 'silent' });
const FAST: EffectWorkerOptions = { maxAttempts: 3, claimMs: 400, pollMs: 20, batchSize: 16 };
const PARTITION = 'p1';

function effect(id: string, recipientId = 'someone'): Effect {
  return { id, recipientId, message: { type: 'approvalDecided', mentorId: 'm', approvalId: 'r' } };
}

/** A delivery port that records what it was asked to deliver, and can be told to fail. */
class RecordingDelivery implements EffectDelivery {
  readonly delivered: string[] = [];
  failures: Array<(effect: Effect) => Error | undefined> = [];
  async deliver(e: Effect): Promise<void> {
    for (const failure of this.failures) {
      const error = failure(e);
      if (error) throw error;
    }
    this.delivered.push(`${e.id}->${e.recipientId}`);
  }
}

async function setUp(coordinators: string[] = ['coordinator']) {
  const { storage, queue } = await freshStorage();
  const table = storage.tables.mentors;
  const delivery = new RecordingDelivery();
  const makeWorker = (d: EffectDelivery = delivery) =>
    new EffectWorker(queue, (name) => (name === table.tableName ? table : undefined), d, quiet, () => new Date(), () => coordinators, FAST);
  const queueEffect = async (e: Effect) => {
    await addEffectRow(table, PARTITION, e, new Date());
    await queue.signal(table.tableName, PARTITION);
  };
  return { table, queue, delivery, makeWorker, queueEffect };
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

  it('gives up on a permanent failure and tells the coordinators, once', async () => {
    const { delivery, makeWorker, queueEffect, table } = await setUp(['coordinator']);
    delivery.failures.push((e) => (e.recipientId === 'gone' ? new DeliveryError('this person no longer exists', 'permanent') : undefined));
    await queueEffect(effect('e3', 'gone'));
    const worker = makeWorker();
    worker.start();
    await eventually(() => expect(delivery.delivered).toEqual(['e3.failed.coordinator->coordinator']));
    await worker.stop();
    const failed = [];
    for await (const row of table.listEntities<{ failedAt?: string; lastError?: string }>()) if (row.failedAt) failed.push(row.lastError);
    expect(failed).toEqual(['this person no longer exists']);
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
      for (const id of ['c1', 'c2', 'c3']) await queueEffect(converging(id));
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
});
