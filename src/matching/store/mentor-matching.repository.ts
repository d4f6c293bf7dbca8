import { odata, type TableClient } from '@azure/data-tables';
import type { Change, Versioned } from '../../platform/app/ports.js';
import type { MentorMatchingRecord, MentorMatchingStore } from '../app/matching-ports.js';
import type { EffectSignal } from '../../platform/storage/effect-queue.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { matchingRecordSchema } from './matching-schemas.js';
import { commitPartition } from '../../platform/storage/partition-commit.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';

const ROW = 'matching';

interface MatchingEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}

export function toEntity(record: MentorMatchingRecord): MatchingEntity {
  return { partitionKey: encodeKey(record.mentorId), rowKey: ROW, data: JSON.stringify(record) };
}

export function toDomain(entity: MatchingEntity): MentorMatchingRecord {
  return matchingRecordSchema.parse(JSON.parse(entity.data));
}

/** A mentor's pen picture, DBS check and held matches, one row per mentor, in its own table ('MentorMatching'). */
export class MentorMatchingRepository implements MentorMatchingStore {
  constructor(
    readonly table: TableClient,
    private readonly signal: EffectSignal,
    private readonly now: () => Date,
  ) {}

  async get(mentorId: string): Promise<Versioned<MentorMatchingRecord> | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<MatchingEntity>(encodeKey(mentorId), ROW));
    return entity ? { value: toDomain(entity), etag: entity.etag } : undefined;
  }

  async save(change: Change<MentorMatchingRecord>): Promise<void> {
    const entity = toEntity(change.value);
    await commitPartition(
      this.table,
      { partitionKey: entity.partitionKey, entity: { ...entity }, ...(change.etag ? { etag: change.etag } : {}), audit: change.audit, effects: change.effects },
      this.now(),
    );
    if (change.effects.length > 0) await this.signal.signal(this.table.tableName, entity.partitionKey);
  }

  async *list(): AsyncIterable<MentorMatchingRecord> {
    const filter = odata`RowKey eq ${ROW}`;
    for await (const entity of this.table.listEntities<MatchingEntity>({ queryOptions: { filter } })) yield toDomain(entity);
  }
}
