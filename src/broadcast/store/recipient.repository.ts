import { odata, TableTransaction, type TableClient, type TableEntity } from '@azure/data-tables';
import type { ProgressCounts, RecipientRecord, RecipientStatus } from '../app/broadcast.js';
import { tallyRecipients } from '../domain/index.js';
import { encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';

const RECIPIENT_PREFIX = 'r|';
/** Azure Tables takes at most 100 operations in one transaction. */
const BATCH = 100;
const PARALLEL_BATCHES = 4;
const EPOCH = new Date(0).toISOString();

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

export interface RecordRetryOptions {
  readonly inDoubt?: boolean;
}

/** What a send came to, as the recipient's row records it (`inDoubt` on a retry: Teams may have posted this try). */
export type RecipientOutcome =
  | { readonly kind: 'sent'; readonly at: Date }
  | { readonly kind: 'retry'; readonly notBefore: Date; readonly reason: string; readonly inDoubt?: boolean }
  | { readonly kind: 'failed'; readonly code: string; readonly reason: string };

/** An outcome to write over a claimed row, guarded by the claim's etag. */
export interface OutcomeWrite {
  readonly record: RecipientRecord;
  readonly etag: string;
  readonly outcome: RecipientOutcome;
}

/**
 * A broadcast's recipients: one row each, in the broadcast's partition. A recipient row is the idempotency record for
 * (broadcast, recipient): it is claimed with its etag before a send and says sent or failed after, so a queue message
 * delivered twice, or to two instances, sends once.
 */
export class RecipientRepository {
  constructor(private readonly table: TableClient) {}

  async get(broadcastId: string, recipientId: string): Promise<RecipientRecord | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<RecipientEntity>(encodeKey(broadcastId), recipientRow(recipientId)));
    return entity ? toRecord(broadcastId, entity) : undefined;
  }

  /** Several recipients of one broadcast in one query (a received batch of queue messages); missing ones are left out. */
  async getMany(broadcastId: string, recipientIds: readonly string[]): Promise<RecipientRecord[]> {
    if (recipientIds.length === 0) return [];
    const rows = recipientIds.map((id) => odata`RowKey eq ${recipientRow(id)}`).join(' or ');
    return this.query(broadcastId, `${odata`PartitionKey eq ${encodeKey(broadcastId)}`} and (${rows})`);
  }

  async list(broadcastId: string): Promise<RecipientRecord[]> {
    const range = prefixRange(RECIPIENT_PREFIX);
    return this.query(broadcastId, odata`PartitionKey eq ${encodeKey(broadcastId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`);
  }

  async counts(broadcastId: string, total?: number): Promise<ProgressCounts> {
    return tallyRecipients(await this.list(broadcastId), total);
  }

  /**
   * Recipient rows, 100 to a transaction, a few transactions at a time (Send answers only once they are all written);
   * a batch that meets an existing row is written row by row, skipping those. Returns the recipients this call created.
   */
  async create(broadcastId: string, recipientIds: readonly string[], now: Date): Promise<string[]> {
    const entities = recipientIds.map((id) => recipientEntity(broadcastId, id, now));
    const batches: RecipientEntity[][] = [];
    for (let start = 0; start < entities.length; start += BATCH) batches.push(entities.slice(start, start + BATCH));
    const created: string[] = [];
    for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
      for (const ids of await Promise.all(batches.slice(start, start + PARALLEL_BATCHES).map((batch) => this.createBatch(batch)))) created.push(...ids);
    }
    return created;
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
    return this.recordOne({ record, etag, outcome: { kind: 'sent', at: now } });
  }

  /** `inDoubt`: Teams may have posted this try although it did not answer (the mark is never taken off). */
  async recordRetry(record: RecipientRecord, etag: string, notBefore: Date, reason: string, options: RecordRetryOptions = {}): Promise<boolean> {
    return this.recordOne({ record, etag, outcome: { kind: 'retry', notBefore, reason, ...(options.inDoubt ? { inDoubt: true } : {}) } });
  }

  async recordFailed(record: RecipientRecord, etag: string, code: string, reason: string): Promise<boolean> {
    return this.recordOne({ record, etag, outcome: { kind: 'failed', code, reason } });
  }

  /**
   * Several outcomes of one broadcast in one transaction (at most 100), each guarded by its claim's etag; each answer
   * says whether that row was written. A transaction is all or nothing, so when one row changed under its claim (412)
   * or is gone (404), the rows are written one by one instead and each gets its own answer.
   */
  async recordMany(writes: readonly OutcomeWrite[]): Promise<boolean[]> {
    const rows = new Set(writes.map((write) => recipientRow(write.record.recipientId)));
    if (writes.length < 2 || rows.size < writes.length || writes.length > BATCH || new Set(writes.map((write) => write.record.broadcastId)).size > 1) {
      return Promise.all(writes.map((write) => this.recordOne(write)));
    }
    try {
      await this.table.submitTransaction(writes.map((write) => ['update', outcomeEntity(write), 'Merge', { etag: write.etag }] as const));
      return writes.map(() => true);
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 404) throw error;
    }
    return Promise.all(writes.map((write) => this.recordOne(write)));
  }

  private async recordOne({ record, etag, outcome }: OutcomeWrite): Promise<boolean> {
    return !!(await this.guarded(record.broadcastId, record.recipientId, etag, outcomeChanges(outcome)));
  }

  /** Puts failed recipients back to pending (the Retry-failed button); returns who. */
  async reopenFailed(broadcastId: string, now: Date): Promise<string[]> {
    const reopened: string[] = [];
    for (const record of await this.list(broadcastId)) {
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
    return reopened;
  }

  /** Pending recipients nobody has touched since `before`: their queue message may be lost (the sweeper re-sends one). */
  async idlePending(broadcastId: string, before: Date): Promise<string[]> {
    return (await this.list(broadcastId))
      .filter((r) => r.status === 'pending' && Math.max(Date.parse(r.notBefore), Date.parse(r.claimedUntil)) < before.getTime())
      .map((r) => r.recipientId);
  }

  private async query(broadcastId: string, filter: string): Promise<RecipientRecord[]> {
    const records: RecipientRecord[] = [];
    for await (const entity of this.table.listEntities<RecipientEntity>({ queryOptions: { filter } })) records.push(toRecord(broadcastId, entity));
    return records;
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

/** Every outcome clears the claim: a claim still on a row belongs to a worker that may have sent and never said. */
function outcomeChanges(outcome: RecipientOutcome): Partial<RecipientEntity> {
  if (outcome.kind === 'sent') return { status: 'sent', sentAt: outcome.at.toISOString(), claimedUntil: EPOCH, code: '', reason: '' };
  if (outcome.kind === 'retry') return { notBefore: outcome.notBefore.toISOString(), claimedUntil: EPOCH, reason: outcome.reason, ...(outcome.inDoubt ? { inDoubt: true } : {}) };
  return { status: 'failed', claimedUntil: EPOCH, code: outcome.code, reason: outcome.reason };
}

function outcomeEntity({ record, outcome }: OutcomeWrite): TableEntity {
  return { partitionKey: encodeKey(record.broadcastId), rowKey: recipientRow(record.recipientId), ...outcomeChanges(outcome) };
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
