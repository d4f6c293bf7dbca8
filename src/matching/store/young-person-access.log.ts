import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { ReadAccess } from '../app/matching-ports.js';

/** One read of one young person's record: who, when, which record, why. Nothing of the record itself. */
export interface AccessEntry {
  readonly at: string;
  readonly readerId: string;
  readonly readerName: string;
  readonly youngPersonId: string;
  readonly purpose: string;
}

const BATCH = 100;

/**
 * The access log of young people's records, a table of its own ('YoungPersonAccess'), partitioned by day so that one
 * listing is written in a few transactions; rows sort by time.
 */
export class YoungPersonAccessLog {
  constructor(
    readonly table: TableClient,
    private readonly now: () => Date,
  ) {}

  async record(access: ReadAccess, youngPersonIds: readonly string[]): Promise<void> {
    if (youngPersonIds.length === 0) return;
    const at = this.now().toISOString();
    const partitionKey = at.slice(0, 10);
    const rows = youngPersonIds.map((youngPersonId, index) => ({
      partitionKey,
      rowKey: `${at}|${String(index).padStart(5, '0')}|${randomBytes(4).toString('hex')}`,
      at,
      readerId: access.reader.id,
      readerName: access.reader.name,
      youngPersonId,
      purpose: access.purpose,
    }));
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.table.submitTransaction(rows.slice(start, start + BATCH).map((row) => ['create', row] as const));
    }
  }

  /** Who read a record, for the coordinator or an auditor. */
  async *readsOf(youngPersonId: string): AsyncIterable<AccessEntry> {
    const filter = odata`youngPersonId eq ${youngPersonId}`;
    for await (const entity of this.table.listEntities<AccessEntry>({ queryOptions: { filter } })) {
      const { at, readerId, readerName, purpose } = entity;
      yield { at, readerId, readerName, youngPersonId, purpose };
    }
  }
}
