import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Broadcast, ProgressCounts } from '../app/broadcast.js';
import type { RecipientOutcome } from '../app/ports.js';
import { sessionSummarySchema } from './session-summary.schema.js';
import { RecipientRepository } from './recipient.repository.js';
import { decodeKey, encodeKey } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const BROADCAST_ROW = 'broadcast';

interface BroadcastEntity extends DataEntity {
  state: 'sending' | 'finished';
  progressAt: string;
  finishedAt?: string;
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

export interface StoredBroadcast {
  readonly broadcast: Broadcast;
  readonly state: 'sending' | 'finished';
  readonly progressAt: string;
  readonly etag: string;
}

/**
 * Broadcasts in Azure Tables: one partition per broadcast, holding the broadcast row (this repository) and one row per
 * recipient (`recipients`, src/broadcast/store/recipient.repository.ts). What spans both is here, in the order that
 * keeps a crash harmless: the recipients are written before the broadcast row that makes them count.
 */
export class BroadcastRepository {
  constructor(
    private readonly table: TableClient,
    readonly recipients: RecipientRepository = new RecipientRepository(table),
  ) {}

  /** Writes the recipients, then the broadcast; false when this broadcast already exists (a second press of Send). */
  async create(broadcast: Broadcast, recipientIds: readonly string[], now: Date): Promise<boolean> {
    if (await this.get(broadcast.id)) return false;
    await this.recipients.create(broadcast.id, recipientIds, now);
    try {
      await this.table.createEntity(this.broadcastEntity(broadcast, now));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async recipientIds(broadcastId: string): Promise<string[]> {
    return (await this.recipients.list(broadcastId)).map((record) => record.recipientId);
  }

  /** Adds recipients who are not in the broadcast yet (mentors matched later); returns those added. */
  async addRecipients(broadcastId: string, recipientIds: readonly string[], now: Date): Promise<string[]> {
    const current = await this.get(broadcastId);
    if (!current) throw new Error(`no broadcast ${broadcastId}`);
    const existing = new Set((await this.recipients.list(broadcastId)).map((r) => r.recipientId.toLowerCase()));
    const missing = recipientIds.filter((id) => !existing.has(id.toLowerCase()));
    if (missing.length === 0) return [];
    // Only the rows this call created: two callers adding the same person at once queue them once between them.
    const added = await this.recipients.create(broadcastId, missing, now);
    if (added.length === 0) return [];
    for (;;) {
      const latest = (await this.get(broadcastId))!;
      const total = (await this.recipients.list(broadcastId)).length;
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

  async counts(broadcastId: string, total?: number): Promise<ProgressCounts> {
    return this.recipients.counts(broadcastId, total);
  }

  /** Puts failed recipients back to pending for the Retry-failed button, and the broadcast back to sending; returns who. */
  async reopenFailed(broadcastId: string, now: Date): Promise<string[]> {
    const reopened = await this.recipients.reopenFailed(broadcastId, now);
    if (reopened.length > 0) await this.setState(broadcastId, 'sending');
    return reopened;
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

  /**
   * The newest broadcasts: one query of the broadcast rows across partitions (the recipients' rows are filtered out by
   * the service), sorted here; a council sends tens of broadcasts a year, not thousands.
   */
  async listRecent(limit: number): Promise<Array<{ broadcast: Broadcast; state: 'sending' | 'finished' }>> {
    const found: Array<{ broadcast: Broadcast; state: 'sending' | 'finished' }> = [];
    const filter = odata`RowKey eq ${BROADCAST_ROW}`;
    for await (const entity of this.table.listEntities<BroadcastEntity>({ queryOptions: { filter, select: ['data', 'state'] } })) {
      found.push({ broadcast: broadcastSchema.parse(JSON.parse(entity.data)), state: entity.state });
    }
    return found.sort((a, b) => b.broadcast.createdAt.localeCompare(a.broadcast.createdAt)).slice(0, limit);
  }

  async recipientsOf(broadcastId: string): Promise<RecipientOutcome[]> {
    return (await this.recipients.list(broadcastId)).map(({ recipientId, status, code, reason, sentAt }) => ({
      recipientId,
      status,
      ...(code ? { code } : {}),
      ...(reason ? { reason } : {}),
      ...(sentAt ? { sentAt } : {}),
    }));
  }

  async listSending(): Promise<string[]> {
    const filter = odata`RowKey eq ${BROADCAST_ROW} and state eq ${'sending'}`;
    const ids: string[] = [];
    for await (const entity of this.table.listEntities<BroadcastEntity>({ queryOptions: { filter, select: ['PartitionKey'] } })) {
      ids.push(decodeKey(entity.partitionKey));
    }
    return ids;
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
}
