import type { TableClient, TableEntity } from '@azure/data-tables';
import type { AuditEntry, Effect, Versioned } from '../app/ports.js';
import type { EffectSignal } from './effect-queue.js';
import { PartitionWriter } from './partition-commit.js';
import { orUndefinedWhenMissing } from './storage-errors.js';

/** What a one-row aggregate's save carries: the row as it should be, the etag it was read with, its audit and effects. */
export interface RowChange {
  readonly etag?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/** What every repository of aggregates shares: its table, reading a row with its etag, and the one write path. */
export abstract class PartitionStore {
  protected readonly writer: PartitionWriter;

  constructor(
    readonly table: TableClient,
    signal: EffectSignal,
    protected readonly now: () => Date,
  ) {
    this.writer = new PartitionWriter(table, signal, now);
  }

  /** A row and its etag, mapped to the domain; undefined when there is none. */
  protected async readRow<E extends object, T>(partitionKey: string, rowKey: string, toDomain: (entity: E) => T): Promise<Versioned<T> | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<E>(partitionKey, rowKey));
    return entity ? { value: toDomain(entity), etag: entity.etag } : undefined;
  }

  /** Saves an aggregate that is one row, with its audit entries and effects, in one transaction. */
  protected saveRow(entity: TableEntity, change: RowChange): Promise<string | undefined> {
    return this.writer.commit({
      partitionKey: entity.partitionKey,
      rows: [{ entity, ...(change.etag ? { etag: change.etag } : {}) }],
      audit: change.audit,
      effects: change.effects,
    });
  }
}
