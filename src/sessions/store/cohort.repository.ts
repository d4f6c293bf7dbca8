import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { EMPTY_COHORT_BOOK, type CohortBook } from '../domain/index.js';
import type { CohortBookChange, CohortStore } from '../app/cohort-ports.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';

/** In the Sessions table (so its outbox is already swept); '%' never starts an encoded session id, so no clash. */
const PARTITION = '%cohorts';
const ROW = 'book';

const person = z.object({ id: z.string(), name: z.string() });
const bookSchema: z.ZodType<CohortBook> = z.object({
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), sessionIds: z.array(z.string()), openedAt: z.string(), openedBy: person })),
  waitingForDates: z.array(z.object({ mentorId: z.string(), name: z.string(), since: z.string() })),
  noCohortNoticeAt: z.string().optional(),
});

interface BookEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}

/** The scheme's cohorts and who waits for the next one: one row, written with its audit and outbox rows. */
export class CohortRepository extends PartitionStore implements CohortStore {
  async get(): Promise<{ value: CohortBook; etag?: string }> {
    const row = await this.readRow<BookEntity, CohortBook>(PARTITION, ROW, (entity) => bookSchema.parse(JSON.parse(entity.data)));
    return row ?? { value: EMPTY_COHORT_BOOK };
  }

  async save(change: CohortBookChange): Promise<void> {
    const entity: BookEntity = { partitionKey: PARTITION, rowKey: ROW, data: JSON.stringify(change.value) };
    await this.saveRow(entity as unknown as TableEntity, change);
  }
}
