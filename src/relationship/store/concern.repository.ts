import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { ConcernStore } from '../app/relationship-ports.js';
import type { Versioned } from '../../platform/app/ports.js';
import { CONCERN_URGENCIES, type SupportConcern } from '../domain/index.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { OneRowStore } from '../../platform/storage/one-row-store.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const ROW = 'concern';

interface ConcernEntity extends DataEntity {
  /** A plain column so the re-notification job finds open concerns without reading every row's data. */
  open: boolean;
}

const concernJson = z.object({
  id: z.string(),
  matchId: z.string(),
  raisedBy: z.string(),
  urgency: z.enum(CONCERN_URGENCIES),
  raisedAt: z.string(),
  notifiedCount: z.number().int().min(0),
  lastNotifiedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: z.string().optional(),
});

export function toEntity(concern: SupportConcern): ConcernEntity {
  const json = {
    ...concern,
    raisedAt: concern.raisedAt.toISOString(),
    ...(concern.lastNotifiedAt ? { lastNotifiedAt: concern.lastNotifiedAt.toISOString() } : {}),
    ...(concern.acknowledgedAt ? { acknowledgedAt: concern.acknowledgedAt.toISOString() } : {}),
  };
  return { partitionKey: encodeKey(concern.id), rowKey: ROW, data: JSON.stringify(json), open: concern.acknowledgedAt === undefined };
}

export function toDomain(entity: ConcernEntity): SupportConcern {
  const { raisedAt, lastNotifiedAt, acknowledgedAt, acknowledgedBy, ...rest } = concernJson.parse(JSON.parse(entity.data));
  return {
    ...rest,
    raisedAt: new Date(raisedAt),
    ...(lastNotifiedAt ? { lastNotifiedAt: new Date(lastNotifiedAt) } : {}),
    ...(acknowledgedBy ? { acknowledgedBy } : {}),
    ...(acknowledgedAt ? { acknowledgedAt: new Date(acknowledgedAt) } : {}),
  };
}

/**
 * Support requests and safeguarding concerns ('SupportConcerns'), one partition each: the concern, its audit entries and
 * its outbox rows are written in one transaction, so nobody is notified of a concern that is not stored, and no stored
 * concern lacks its notifications.
 */
export class ConcernRepository extends OneRowStore<SupportConcern, ConcernEntity> implements ConcernStore {
  protected readonly codec = { rowKey: ROW, toEntity, toDomain };

  async listOpen(): Promise<Versioned<SupportConcern>[]> {
    const filter = odata`RowKey eq ${ROW} and open eq ${true}`;
    const found: Versioned<SupportConcern>[] = [];
    for await (const entity of this.table.listEntities<ConcernEntity>({ queryOptions: { filter } })) found.push({ value: toDomain(entity), etag: entity.etag });
    return found;
  }
}
