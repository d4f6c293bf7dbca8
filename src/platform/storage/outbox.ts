import type { TableClient, TableEntity, TableTransaction, TransactionAction } from '@azure/data-tables';
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
  /** What the last failure was, in words a coordinator can read, and its code (TOKEN_UNAVAILABLE, BOT_BLOCKED...). */
  lastError?: string;
  lastErrorCode?: string;
  /** When the first try failed: transient failures are retried until DELIVERY_GIVE_UP_HOURS after this. */
  firstFailedAt?: string;
  /** Effect.convergeKey, or '' (older rows have none). */
  convergeKey?: string;
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
    notBefore: new Date(now.getTime() + (effect.delayMs ?? 0)).toISOString(),
    claimedUntil: new Date(0).toISOString(),
    convergeKey: effect.convergeKey ?? '',
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
  const effect = { id, recipientId: entity.recipientId, message: JSON.parse(entity.message) as OutboundMessage };
  return entity.convergeKey ? { ...effect, convergeKey: entity.convergeKey } : effect;
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

/**
 * Deletes effects another run has covered (same convergeKey), in one transaction per 100 rows. A transaction cannot
 * guard a delete with an etag, so only rows nobody had claimed when listed are passed here; should one be claimed in
 * between, its own run finds the work done (a converging effect reads the state when it runs). If the transaction
 * fails, each row is deleted on its own, guarded by the etag it was listed with.
 */
export async function deleteCovered(table: TableClient, items: readonly OutboxItem[]): Promise<void> {
  for (let from = 0; from < items.length; from += 100) {
    const chunk = items.slice(from, from + 100);
    try {
      await table.submitTransaction(chunk.map((item): TransactionAction => ['delete', { partitionKey: item.entity.partitionKey, rowKey: item.entity.rowKey }]));
    } catch {
      await Promise.all(chunk.map((item) => table.deleteEntity(item.entity.partitionKey, item.entity.rowKey, { etag: item.entity.etag }).catch(() => undefined)));
    }
  }
}

/** A table whose partitions may hold outbox rows, as the delivery worker and the sweeper see it. */
export type OutboxTable = TableClient;

/** Claims an effect for `claimMs` (etag-guarded); undefined when another worker took it first or it is gone. */
export async function claimEffect(table: OutboxTable, item: OutboxItem, claimedUntil: Date): Promise<string | undefined> {
  try {
    const { partitionKey, rowKey, attempts, etag } = item.entity;
    const response = await table.updateEntity({ partitionKey, rowKey, claimedUntil: claimedUntil.toISOString(), attempts: attempts + 1 }, 'Merge', { etag });
    return response.etag;
  } catch (error) {
    const status = statusOf(error);
    if (status === 412 || status === 404) return undefined;
    throw error;
  }
}

/** A delivered effect's row goes, guarded by the claim's etag. */
export async function deleteDelivered(table: OutboxTable, item: OutboxItem, claimEtag: string): Promise<void> {
  await table.deleteEntity(item.entity.partitionKey, item.entity.rowKey, { etag: claimEtag });
}

/** What a failed try leaves on the row: when to try again (or that it was given up), and why. */
export type FailedTry =
  | { readonly retryAt: Date; readonly lastError: string; readonly lastErrorCode: string; readonly firstFailedAt: string }
  | { readonly givenUpAt: Date; readonly lastError: string; readonly lastErrorCode: string; readonly firstFailedAt: string };

export async function recordFailedTry(table: OutboxTable, item: OutboxItem, claimEtag: string, failed: FailedTry): Promise<void> {
  const { partitionKey, rowKey } = item.entity;
  const { lastError, lastErrorCode, firstFailedAt } = failed;
  const when =
    'retryAt' in failed ? { notBefore: failed.retryAt.toISOString(), claimedUntil: new Date(0).toISOString() } : { failedAt: failed.givenUpAt.toISOString() };
  await table.updateEntity({ partitionKey, rowKey, ...when, lastError, lastErrorCode, firstFailedAt }, 'Merge', { etag: claimEtag });
}
