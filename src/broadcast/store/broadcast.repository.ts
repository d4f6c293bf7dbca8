import { odata, TableTransaction, type TableClient, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { Broadcast, ProgressCounts, RecipientRecord, RecipientStatus } from '../app/broadcast.js';
import { tallyRecipients } from '../domain/index.js';
import { sessionSummarySchema } from './session-summary.schema.js';
import { decodeKey, encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const BROADCAST_ROW = 'broadcast';
const RECIPIENT_PREFIX = 'r|';
const WORKERS_PARTITION = 'workers|';
/** Azure Tables takes at most 100 operations in one transaction. */
const BATCH = 100;
const PARALLEL_BATCHES = 4;
const EPOCH = new Date(0).toISOString();

interface BroadcastEntity extends DataEntity {
  state: 'sending' | 'finished';
  progressAt: string;
  finishedAt?: string;
}

interface RecipientEntity {
  partitionKey: string;
  rowKey: string;
  recipientId: string;
  status: RecipientStatus;
  attempts: number;
  notBefore: string;
  claimedUntil: string;
  code?: string;
  reason?: string;
  sentAt?: string;
  inDoubt?: boolean;
}

const person = z.object({ id: z.string(), name: z.string() });
const broadcastSchema: z.ZodType<Broadcast> = z.object({
  id: z.string(),
  createdBy: person,
  createdAt: z.string(),
  content: z.object({
    text: z.string(),
    session: sessionSummarySchema.optional(),
  }),
  audienceLabel: z.string(),
  total: z.number().int().nonnegative(),
  reportTo: z.string().optional(),
});

export interface RecordRetryOptions {
  readonly inDoubt?: boolean;
}

export interface StoredBroadcast {
  readonly broadcast: Broadcast;
  readonly state: 'sending' | 'finished';
  readonly progressAt: string;
  readonly etag: string;
}

/**
 * Broadcasts in Azure Tables: one partition per broadcast, holding the broadcast row and one row per recipient. A
 * recipient row is the idempotency record for (broadcast, recipient): it is claimed with its etag before a send and
 * says sent or failed after, so a queue message delivered twice, or to two instances, sends once.
 */
export class BroadcastRepository {
  constructor(private readonly table: TableClient) {}

  /** Writes the recipients, then the broadcast; false when this broadcast already exists (a second press of Send). */
  async create(broadcast: Broadcast, recipientIds: readonly string[], now: Date): Promise<boolean> {
    if (await this.get(broadcast.id)) return false;
    await this.createRecipients(broadcast.id, recipientIds, now);
    try {
      await this.table.createEntity(this.broadcastEntity(broadcast, now));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  /** Adds recipients who are not in the broadcast yet (mentors matched later); returns those added. */
  async addRecipients(broadcastId: string, recipientIds: readonly string[], now: Date): Promise<string[]> {
    const current = await this.get(broadcastId);
    if (!current) throw new Error(`no broadcast ${broadcastId}`);
    const existing = new Set((await this.recipients(broadcastId)).map((r) => r.recipientId.toLowerCase()));
    const missing = recipientIds.filter((id) => !existing.has(id.toLowerCase()));
    if (missing.length === 0) return [];
    // Only the rows this call created: two callers adding the same person at once queue them once between them.
    const added = await this.createRecipients(broadcastId, missing, now);
    if (added.length === 0) return [];
    for (;;) {
      const latest = (await this.get(broadcastId))!;
      const total = (await this.recipients(broadcastId)).length;
      const entity = this.broadcastEntity({ ...latest.broadcast, total }, now);
      try {
        await this.table.updateEntity({ ...entity, progressAt: latest.progressAt }, 'Replace', { etag: latest.etag });
        return added;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
  }

  async get(broadcastId: string): Promise<StoredBroadcast | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<BroadcastEntity>(encodeKey(broadcastId), BROADCAST_ROW));
    if (!entity) return undefined;
    return { broadcast: broadcastSchema.parse(JSON.parse(entity.data)), state: entity.state, progressAt: entity.progressAt, etag: entity.etag };
  }

  async getRecipient(broadcastId: string, recipientId: string): Promise<RecipientRecord | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<RecipientEntity>(encodeKey(broadcastId), recipientRow(recipientId)));
    return entity ? toRecord(broadcastId, entity) : undefined;
  }

  /** Several recipients of one broadcast in one query (a received batch of queue messages); missing ones are left out. */
  async getRecipients(broadcastId: string, recipientIds: readonly string[]): Promise<RecipientRecord[]> {
    if (recipientIds.length === 0) return [];
    const rows = recipientIds.map((id) => odata`RowKey eq ${recipientRow(id)}`).join(' or ');
    const filter = `${odata`PartitionKey eq ${encodeKey(broadcastId)}`} and (${rows})`;
    const records: RecipientRecord[] = [];
    for await (const entity of this.table.listEntities<RecipientEntity>({ queryOptions: { filter } })) records.push(toRecord(broadcastId, entity));
    return records;
  }

  async recipients(broadcastId: string): Promise<RecipientRecord[]> {
    const range = prefixRange(RECIPIENT_PREFIX);
    const filter = odata`PartitionKey eq ${encodeKey(broadcastId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const records: RecipientRecord[] = [];
    for await (const entity of this.table.listEntities<RecipientEntity>({ queryOptions: { filter } })) records.push(toRecord(broadcastId, entity));
    return records;
  }

  async counts(broadcastId: string, total?: number): Promise<ProgressCounts> {
    return tallyRecipients(await this.recipients(broadcastId), total);
  }

  /**
   * Takes the recipient for one send; the etag it returns guards the outcome. Undefined: someone else got there first.
   * Every outcome and every claim given back clears the claim, so a claim still on the row belongs to a worker that
   * may have sent and never said (killed, or its claim ran out): taking it over marks the recipient in doubt, for good.
   */
  async claim(record: RecipientRecord, until: Date): Promise<{ etag: string; inDoubt: boolean } | undefined> {
    const inDoubt = record.inDoubt || Date.parse(record.claimedUntil) > 0;
    const etag = await this.guarded(record.broadcastId, record.recipientId, record.etag, { claimedUntil: until.toISOString(), attempts: record.attempts + 1, inDoubt });
    return etag ? { etag, inDoubt } : undefined;
  }

  /** Gives a claim back unused (the worker stopped before sending): another worker may take the recipient at once. */
  async release(record: RecipientRecord, etag: string): Promise<boolean> {
    return !!(await this.guarded(record.broadcastId, record.recipientId, etag, { claimedUntil: EPOCH, attempts: record.attempts }));
  }

  async recordSent(record: RecipientRecord, etag: string, now: Date): Promise<boolean> {
    return !!(await this.guarded(record.broadcastId, record.recipientId, etag, { status: 'sent', sentAt: now.toISOString(), claimedUntil: EPOCH, code: '', reason: '' }));
  }

  /** `inDoubt`: Teams may have posted this try although it did not answer (the mark is never taken off). */
  async recordRetry(record: RecipientRecord, etag: string, notBefore: Date, reason: string, options: RecordRetryOptions = {}): Promise<boolean> {
    const changes = { notBefore: notBefore.toISOString(), claimedUntil: EPOCH, reason, ...(options.inDoubt ? { inDoubt: true } : {}) };
    return !!(await this.guarded(record.broadcastId, record.recipientId, etag, changes));
  }

  async recordFailed(record: RecipientRecord, etag: string, code: string, reason: string): Promise<boolean> {
    return !!(await this.guarded(record.broadcastId, record.recipientId, etag, { status: 'failed', claimedUntil: EPOCH, code, reason }));
  }

  /** Puts failed recipients back to pending for the Retry-failed button; returns who. */
  async reopenFailed(broadcastId: string, now: Date): Promise<string[]> {
    const reopened: string[] = [];
    for (const record of await this.recipients(broadcastId)) {
      if (record.status !== 'failed') continue;
      const done = await this.guarded(broadcastId, record.recipientId, record.etag, {
        status: 'pending',
        attempts: 0,
        notBefore: now.toISOString(),
        claimedUntil: EPOCH,
        code: '',
        reason: '',
      });
      if (done) reopened.push(record.recipientId);
    }
    if (reopened.length > 0) await this.setState(broadcastId, 'sending');
    return reopened;
  }

  /** Pending recipients nobody has touched since `before`: their queue message may be lost (the sweeper re-sends one). */
  async idlePending(broadcastId: string, before: Date): Promise<string[]> {
    return (await this.recipients(broadcastId))
      .filter((r) => r.status === 'pending' && Math.max(Date.parse(r.notBefore), Date.parse(r.claimedUntil)) < before.getTime())
      .map((r) => r.recipientId);
  }

  /** Claims the right to refresh the progress card (one instance at a time, at most every `everyMs`). */
  async claimProgress(stored: StoredBroadcast, now: Date, everyMs: number, force: boolean): Promise<string | undefined> {
    if (stored.state === 'finished') return undefined;
    if (!force && Date.parse(stored.progressAt) > now.getTime() - everyMs) return undefined;
    try {
      const response = await this.table.updateEntity(
        { partitionKey: encodeKey(stored.broadcast.id), rowKey: BROADCAST_ROW, progressAt: now.toISOString() },
        'Merge',
        { etag: stored.etag },
      );
      return response.etag;
    } catch (error) {
      if (statusOf(error) === 412) return undefined;
      throw error;
    }
  }

  /** Marks the broadcast finished, once: true for the one caller that did it. */
  async finish(broadcastId: string, etag: string, now: Date): Promise<boolean> {
    try {
      await this.table.updateEntity({ partitionKey: encodeKey(broadcastId), rowKey: BROADCAST_ROW, state: 'finished', finishedAt: now.toISOString() }, 'Merge', { etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  async listSending(): Promise<string[]> {
    const filter = odata`RowKey eq ${BROADCAST_ROW} and state eq ${'sending'}`;
    const ids: string[] = [];
    for await (const entity of this.table.listEntities<BroadcastEntity>({ queryOptions: { filter, select: ['PartitionKey'] } })) {
      ids.push(decodeKey(entity.partitionKey));
    }
    return ids;
  }

  /** Each running worker says it is alive; the tenant's send budget is shared between the live ones. */
  async heartbeat(instanceId: string, now: Date): Promise<void> {
    await this.table.upsertEntity({ partitionKey: WORKERS_PARTITION, rowKey: encodeKey(instanceId), seenAt: now.toISOString() }, 'Replace');
  }

  async liveWorkers(since: Date): Promise<number> {
    const filter = odata`PartitionKey eq ${WORKERS_PARTITION} and seenAt ge ${since.toISOString()}`;
    let count = 0;
    for await (const _ of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) count += 1;
    return count;
  }

  async leave(instanceId: string): Promise<void> {
    await orUndefinedWhenMissing(this.table.deleteEntity(WORKERS_PARTITION, encodeKey(instanceId)));
  }

  private async setState(broadcastId: string, state: 'sending' | 'finished'): Promise<void> {
    await this.table.updateEntity({ partitionKey: encodeKey(broadcastId), rowKey: BROADCAST_ROW, state }, 'Merge');
  }

  private broadcastEntity(broadcast: Broadcast, now: Date): BroadcastEntity {
    return {
      partitionKey: encodeKey(broadcast.id),
      rowKey: BROADCAST_ROW,
      data: JSON.stringify(broadcast),
      state: 'sending',
      progressAt: new Date(now.getTime() - 3_600_000).toISOString(),
    };
  }

  /**
   * Recipient rows, 100 to a transaction, a few transactions at a time (Send answers only once they are all written);
   * a batch that meets an existing row is written row by row, skipping those.
   */
  private async createRecipients(broadcastId: string, recipientIds: readonly string[], now: Date): Promise<string[]> {
    const entities = recipientIds.map((id) => recipientEntity(broadcastId, id, now));
    const batches: RecipientEntity[][] = [];
    for (let start = 0; start < entities.length; start += BATCH) batches.push(entities.slice(start, start + BATCH));
    const created: string[] = [];
    for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
      for (const ids of await Promise.all(batches.slice(start, start + PARALLEL_BATCHES).map((batch) => this.createBatch(batch)))) created.push(...ids);
    }
    return created;
  }

  private async createBatch(batch: readonly RecipientEntity[]): Promise<string[]> {
    const transaction = new TableTransaction();
    batch.forEach((entity) => transaction.createEntity(entity as unknown as TableEntity));
    try {
      await this.table.submitTransaction(transaction.actions);
      return batch.map((entity) => entity.recipientId);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const created: string[] = [];
    for (const entity of batch) {
      try {
        await this.table.createEntity(entity as unknown as TableEntity);
        created.push(entity.recipientId);
      } catch (inner) {
        if (statusOf(inner) !== 409) throw inner;
      }
    }
    return created;
  }

  private async guarded(broadcastId: string, recipientId: string, etag: string, changes: Partial<RecipientEntity>): Promise<string | undefined> {
    try {
      const response = await this.table.updateEntity({ partitionKey: encodeKey(broadcastId), rowKey: recipientRow(recipientId), ...changes }, 'Merge', { etag });
      return response.etag;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) return undefined;
      throw error;
    }
  }
}

function recipientRow(recipientId: string): string {
  return RECIPIENT_PREFIX + encodeKey(recipientId.toLowerCase());
}

function recipientEntity(broadcastId: string, recipientId: string, now: Date): RecipientEntity {
  return {
    partitionKey: encodeKey(broadcastId),
    rowKey: recipientRow(recipientId),
    recipientId: recipientId.toLowerCase(),
    status: 'pending',
    attempts: 0,
    notBefore: now.toISOString(),
    claimedUntil: EPOCH,
  };
}

function toRecord(broadcastId: string, entity: RecipientEntity & { etag: string }): RecipientRecord {
  return {
    broadcastId,
    recipientId: entity.recipientId,
    status: entity.status,
    attempts: entity.attempts,
    notBefore: entity.notBefore,
    claimedUntil: entity.claimedUntil,
    ...(entity.code ? { code: entity.code } : {}),
    ...(entity.reason ? { reason: entity.reason } : {}),
    ...(entity.sentAt ? { sentAt: entity.sentAt } : {}),
    inDoubt: entity.inDoubt === true,
    etag: entity.etag,
  };
}
