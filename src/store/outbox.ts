import type { TableClient, TableEntity, TableTransaction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { Effect, OutboundMessage } from '../app/ports.js';
import { statusOf } from './storage-errors.js';
import { encodeKey, prefixRange } from './keys.js';

export const OUTBOX_PREFIX = 'outbox|';

export interface OutboxEntity {
  partitionKey: string;
  rowKey: string;
  recipientId: string;
  message: string;
  attempts: number;
  notBefore: string;
  claimedUntil: string;
  failedAt?: string;
  lastError?: string;
}

export interface OutboxItem {
  readonly entity: OutboxEntity & { etag: string };
  readonly effect: Effect;
}

export function outboxEntity(partitionKey: string, effect: Effect, now: Date): OutboxEntity {
  return {
    partitionKey,
    rowKey: OUTBOX_PREFIX + encodeKey(effect.id),
    recipientId: effect.recipientId,
    message: JSON.stringify(effect.message),
    attempts: 0,
    notBefore: now.toISOString(),
    claimedUntil: new Date(0).toISOString(),
  };
}

/**
 * Adds an effect to a partition transaction. `upsert` with "merge" would reset a row a worker is carrying out, so a
 * re-queued effect with the same id is skipped at dispatch instead: ids are idempotency keys and unique per decision.
 */
export function addEffect(transaction: TableTransaction, partitionKey: string, effect: Effect, now: Date): void {
  transaction.createEntity(outboxEntity(partitionKey, effect, now) as unknown as TableEntity);
}

export async function listPending(table: TableClient, partitionKey: string): Promise<OutboxItem[]> {
  const range = prefixRange(OUTBOX_PREFIX);
  const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
  const items: OutboxItem[] = [];
  for await (const entity of table.listEntities<OutboxEntity>({ queryOptions: { filter } })) {
    if (entity.failedAt) continue;
    items.push({ entity: entity as OutboxEntity & { etag: string }, effect: toEffect(entity) });
  }
  return items;
}

function toEffect(entity: OutboxEntity): Effect {
  const id = decodeURIComponent(entity.rowKey.slice(OUTBOX_PREFIX.length));
  return { id, recipientId: entity.recipientId, message: JSON.parse(entity.message) as OutboundMessage };
}

/** Queues an effect outside a transaction; an effect already queued under the same id is left as it is. */
export async function addEffectRow(table: TableClient, partitionKey: string, effect: Effect, now: Date): Promise<void> {
  try {
    await table.createEntity(outboxEntity(partitionKey, effect, now) as unknown as TableEntity);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
}

/** Partitions with effects that are due and unclaimed: what a lost queue message would otherwise leave behind. */
export async function partitionsWithDueEffects(table: TableClient, now: Date): Promise<string[]> {
  const range = prefixRange(OUTBOX_PREFIX);
  const at = now.toISOString();
  const filter = odata`RowKey ge ${range.from} and RowKey lt ${range.to} and notBefore le ${at} and claimedUntil le ${at}`;
  const partitions = new Set<string>();
  for await (const entity of table.listEntities<OutboxEntity>({ queryOptions: { filter, select: ['PartitionKey', 'failedAt'] } })) {
    if (!entity.failedAt) partitions.add(entity.partitionKey);
  }
  return [...partitions];
}
