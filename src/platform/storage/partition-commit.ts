import { TableTransaction, type TableClient, type TableEntity } from '@azure/data-tables';
import type { AuditEntry, Effect } from '../app/ports.js';
import { auditEntity } from './audit-entity.js';
import type { EffectSignal } from './effect-queue.js';
import { addEffect, addEffectRow } from './outbox.js';
import { translateWriteError } from './storage-errors.js';

export interface RowWrite {
  readonly entity: TableEntity;
  /** The etag the row was read with; absent: the row must not exist yet. */
  readonly etag?: string;
}

export interface PartitionCommit {
  readonly partitionKey: string;
  /** The aggregate's rows; the first is the aggregate itself, whose new etag the commit gives back. */
  readonly rows: readonly RowWrite[];
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/**
 * The one way an aggregate is saved. One round trip, all or nothing: its rows (etag-guarded), its audit entries and its
 * outbox rows, so a decision can never be stored without its audit record or without the messages it owes; then the
 * worker is woken for the effects. A stale etag or an existing row throws ConcurrencyError.
 */
export class PartitionWriter {
  constructor(
    readonly table: TableClient,
    private readonly signal: EffectSignal,
    private readonly now: () => Date,
  ) {}

  async commit(commit: PartitionCommit): Promise<string | undefined> {
    const transaction = new TableTransaction();
    for (const row of commit.rows) {
      if (row.etag) transaction.updateEntity(row.entity, 'Replace', { etag: row.etag });
      else transaction.createEntity(row.entity);
    }
    const now = this.now();
    commit.audit.forEach((entry, index) => transaction.createEntity(auditEntity(commit.partitionKey, entry, index)));
    commit.effects.forEach((effect) => addEffect(transaction, commit.partitionKey, effect, now));
    let etag: string | undefined;
    try {
      etag = (await this.table.submitTransaction(transaction.actions)).subResponses[0]?.etag;
    } catch (error) {
      translateWriteError(error);
    }
    this.wakeWorker(commit);
    return etag;
  }

  /** Queues effects in a partition outside a transaction (an effect already queued under the same id is left alone). */
  async queueEffects(partitionKey: string, effects: readonly Effect[]): Promise<void> {
    for (const effect of effects) await addEffectRow(this.table, partitionKey, effect, this.now());
    if (effects.length > 0) await this.signal.signal(this.table.tableName, partitionKey);
  }

  /**
   * Not awaited: the effects are stored with the change, and a signal that fails is made good by the outbox sweeper.
   * Waiting for it would hold the person's answer (and the next write of this partition) back by one more round trip.
   * Work that waits anyway (a calendar sync settling for a second) wakes the worker when it is due, not now.
   */
  private wakeWorker(commit: PartitionCommit): void {
    if (commit.effects.length === 0) return;
    const soonest = Math.min(...commit.effects.map((effect) => effect.delayMs ?? 0));
    this.signal.signal(this.table.tableName, commit.partitionKey, soonest).catch(() => undefined);
  }
}
