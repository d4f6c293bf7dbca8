import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { EMPTY_ROTA, type VisitRota } from '../domain/index.js';
import type { RotaChange, RotaStore } from '../app/rota-ports.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import { MAX_PARTS, split } from './session.repository.js';

/** In the Sessions table (its outbox is already swept); '%' never starts an encoded session id. */
const PARTITION = '%rota';
const ROW = 'regulation33';

const person = z.object({ id: z.string(), name: z.string() });
const rotaSchema: z.ZodType<VisitRota> = z.object({
  homes: z.array(z.object({ id: z.string(), name: z.string() })),
  months: z.array(z.string()),
  visits: z.array(
    z.object({
      homeId: z.string(),
      month: z.string(),
      member: person.optional(),
      doneAt: z.string().optional(),
      doneBy: person.optional(),
      remindedMemberId: z.string().optional(),
    }),
  ),
});

interface RotaEntity {
  partitionKey: string;
  rowKey: string;
  parts: number;
  [part: `data${number}`]: string;
}

/**
 * The Regulation 33 rota: one row, with its audit and outbox rows. A full rota (30 homes × 12 months, every visit done)
 * is about 90,000 characters of JSON, more than one property holds, so it is cut into parts as a session is.
 */
export class RotaRepository extends PartitionStore implements RotaStore {
  async get(): Promise<{ value: VisitRota; etag?: string }> {
    const row = await this.readRow<RotaEntity, VisitRota>(PARTITION, ROW, (entity) => {
      let json = '';
      for (let i = 0; i < entity.parts; i += 1) json += entity[`data${i}`] ?? '';
      return rotaSchema.parse(JSON.parse(json));
    });
    return row ?? { value: EMPTY_ROTA };
  }

  async save(change: RotaChange): Promise<void> {
    const chunks = split(JSON.stringify(change.value));
    if (chunks.length > MAX_PARTS) throw new Error('the rota is larger than a table row holds');
    const entity: RotaEntity = { partitionKey: PARTITION, rowKey: ROW, parts: chunks.length };
    chunks.forEach((chunk, i) => {
      entity[`data${i}`] = chunk;
    });
    await this.saveRow(entity as unknown as TableEntity, change);
  }
}
