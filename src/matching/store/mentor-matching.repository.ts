import { odata } from '@azure/data-tables';
import type { Change, Versioned } from '../../platform/app/ports.js';
import type { MentorMatchingRecord, MentorMatchingStore } from '../app/matching-ports.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { matchingRecordSchema } from './matching-schemas.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const ROW = 'matching';

export function toEntity(record: MentorMatchingRecord): DataEntity {
  return { partitionKey: encodeKey(record.mentorId), rowKey: ROW, data: JSON.stringify(record) };
}

export function toDomain(entity: DataEntity): MentorMatchingRecord {
  return matchingRecordSchema.parse(JSON.parse(entity.data));
}

/** A mentor's pen picture, DBS check and held matches, one row per mentor, in its own table ('MentorMatching'). */
export class MentorMatchingRepository extends PartitionStore implements MentorMatchingStore {
  async get(mentorId: string): Promise<Versioned<MentorMatchingRecord> | undefined> {
    return this.readRow(encodeKey(mentorId), ROW, toDomain);
  }

  async save(change: Change<MentorMatchingRecord>): Promise<void> {
    await this.saveRow({ ...toEntity(change.value) }, change);
  }

  async *list(): AsyncIterable<MentorMatchingRecord> {
    const filter = odata`RowKey eq ${ROW}`;
    for await (const entity of this.table.listEntities<DataEntity>({ queryOptions: { filter } })) yield toDomain(entity);
  }
}
