import type { EffectSignal } from '../storage/effect-queue.js';
import { partitionsWithDueEffects, type OutboxTable } from '../storage/outbox.js';

/**
 * The safety net under the queue: a commit that stored effects but died before signalling, or a lost queue message,
 * leaves due effects behind; this finds their partitions and signals them again. Extra signals are harmless.
 */
export async function sweepOutboxes(tables: readonly OutboxTable[], signal: EffectSignal, now: Date): Promise<number> {
  let signalled = 0;
  for (const table of tables) {
    for (const partitionKey of await partitionsWithDueEffects(table, now)) {
      await signal.signal(table.tableName, partitionKey);
      signalled += 1;
    }
  }
  return signalled;
}
