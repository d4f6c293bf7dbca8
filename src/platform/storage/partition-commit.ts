import { TableTransaction, type TableClient, type TableEntity } from '@azure/data-tables';
import type { AuditEntry, Effect } from '../app/ports.js';
import { auditEntity } from './audit-entity.js';
import { addEffect } from './outbox.js';
import { translateWriteError } from './storage-errors.js';

export interface PartitionCommit {
  readonly partitionKey: string;
  readonly entity: TableEntity;
  /** Absent: the row must not exist yet. */
  readonly etag?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/**
 * One round trip, all or nothing: the aggregate row (etag-guarded), its audit entries and its outbox rows. A decision
 * therefore can never be stored without its audit record or without the messages it owes. Resolves with the aggregate
 * row's new etag (undefined if the service did not say).
 */
export async function commitPartition(table: TableClient, commit: PartitionCommit, now: Date): Promise<string | undefined> {
  const transaction = new TableTransaction();
  if (commit.etag) transaction.updateEntity(commit.entity, 'Replace', { etag: commit.etag });
  else transaction.createEntity(commit.entity);
  commit.audit.forEach((entry, index) => transaction.createEntity(auditEntity(commit.partitionKey, entry, index)));
  commit.effects.forEach((effect) => addEffect(transaction, commit.partitionKey, effect, now));
  try {
    const response = await table.submitTransaction(transaction.actions);
    return response.subResponses[0]?.etag;
  } catch (error) {
    return translateWriteError(error);
  }
}
