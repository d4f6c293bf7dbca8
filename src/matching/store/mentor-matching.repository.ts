import { odata } from '@azure/data-tables';
import type { MentorMatchingRecord, MentorMatchingStore } from '../app/matching-ports.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { matchingRecordSchema } from './matching-schemas.js';
import { OneRowStore } from '../../platform/storage/one-row-store.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const ROW = 'matching';

export function toEntity(record: MentorMatchingRecord): DataEntity {
  return { partitionKey: encodeKey(record.mentorId), rowKey: ROW, data: JSON.stringify(record) };
}

export function toDomain(entity: DataEntity): MentorMatchingRecord {
  return matchingRecordSchema.parse(JSON.parse(entity.data));
}

/** A mentor's pen picture, DBS check and held matches, one row per mentor, in its own table ('MentorMatching'). */
export class MentorMatchingRepository extends OneRowStore<MentorMatchingRecord, DataEntity> implements MentorMatchingStore {
  protected readonly codec = { rowKey: ROW, toEntity, toDomain };

  async *list(): AsyncIterable<MentorMatchingRecord> {
    const filter = odata`RowKey eq ${ROW}`;
    for await (const entity of this.table.listEntities<DataEntity>({ queryOptions: { filter } })) yield toDomain(entity);
  }
}
