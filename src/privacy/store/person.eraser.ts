import { odata, type TableClient } from '@azure/data-tables';
import { encodeKey } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';
import type { PersonEraser } from '../app/privacy-ports.js';
import { ERASED, type DataSubject } from '../domain/index.js';
import { everyRow, PERSONAL_TABLES, type PersonalTableKey, type PersonalTables, type StoredRow } from './personal-tables.js';
import { StoredRetentionRecords, trace } from './retention.records.js';

const SYSTEM_COLUMNS = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag']);

/**
 * Erasure as one pass over every personal table, safe to repeat: a row whose key names the person is deleted (their
 * record, their matching row, their chat address, their delivery row); a match of theirs goes whole (its meetings and
 * claims leave their anonymised traces first, so the board's figures stay); every other row that names them keeps
 * everything else and loses their id, name or case reference. A crash leaves some rows done and some not; the next pass
 * does the rest, because it decides from what is stored, not from what it did before.
 */
export class StoredPersonEraser implements PersonEraser {
  constructor(private readonly tables: PersonalTables) {}

  async identifiersOf(subject: DataSubject): Promise<string[]> {
    if (subject.kind === 'mentor') {
      const row = await orUndefinedWhenMissing(this.tables.mentors.getEntity<{ data: string }>(encodeKey(subject.personId), 'mentor'));
      const stored = row ? (JSON.parse(row.data) as { name?: string }).name : undefined;
      return unique([subject.personId, subject.name, stored]);
    }
    return unique([subject.youngPersonId, subject.reference]);
  }

  async erase(identifiers: readonly string[], skip: { table: string; partitionKey: string; rowKey: string }): Promise<void> {
    const ids = identifiers.filter((each) => each.trim() !== '');
    await this.eraseMatches(ids);
    for (const key of Object.keys(PERSONAL_TABLES) as PersonalTableKey[]) {
      const name = PERSONAL_TABLES[key];
      for await (const row of everyRow(this.tables[key])) {
        if (name === skip.table && row.partitionKey === skip.partitionKey && row.rowKey === skip.rowKey) continue;
        if (keyNames(row, ids)) await deleteRow(this.tables[key], row);
        else await withoutIdentifiers(this.tables[key], row, ids);
      }
    }
  }

  /** The person's matches, each a partition of Relationships: its traces kept, then every row of it removed. */
  private async eraseMatches(ids: readonly string[]): Promise<void> {
    const retention = new StoredRetentionRecords(this.tables);
    for await (const row of everyRow(this.tables.relationships, odata`RowKey eq ${'relationship'}`)) {
      if (!mentions(String(row.data), ids)) continue;
      const rows: StoredRow[] = [];
      for await (const each of everyRow(this.tables.relationships, odata`PartitionKey eq ${row.partitionKey}`)) rows.push(each);
      const kept = rows.filter((each) => each.rowKey !== 'relationship');
      await retention.remove({ counts: {}, items: kept.map((each) => itemOf(each)) });
      await deleteRow(this.tables.relationships, row);
    }
  }
}

function itemOf(row: StoredRow) {
  const recordClass = row.rowKey.startsWith('meeting|') ? 'meetingLog' : 'refreshmentClaim';
  const amounts = row.rowKey.startsWith('meeting|') ? { minutes: Number(row.minutes ?? 0) } : row.rowKey.startsWith('claim|') ? { pence: (JSON.parse(String(row.data)) as { amountPence: number }).amountPence } : undefined;
  const base = { recordClass, table: PERSONAL_TABLES.relationships, partitionKey: row.partitionKey, rowKey: row.rowKey, counted: false } as const;
  return amounts ? { ...base, figure: traceOf(recordClass, row, amounts) } : base;
}

function traceOf(recordClass: 'meetingLog' | 'refreshmentClaim', row: StoredRow, amounts: { minutes?: number; pence?: number }) {
  return { ...trace(recordClass, String(row.month)), ...amounts };
}

function keyNames(row: StoredRow, ids: readonly string[]): boolean {
  return ids.some((id) => [row.partitionKey, row.rowKey].some((key) => wholeIdentifier(encodeKey(id)).test(key) || wholeIdentifier(encodeKey(id.toLowerCase())).test(key)));
}

function mentions(value: string, ids: readonly string[]): boolean {
  return ids.some((id) => wholeIdentifier(id).test(value));
}

/**
 * The identifier standing whole, never inside a longer one: case reference LC-1 is not in "LC-10", the name "Mentor
 * Number1" not in "Mentor Number16" (a letter or digit either side means it is part of something else).
 */
function wholeIdentifier(id: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(id)}(?![\\p{L}\\p{N}])`, flags);
}

/** Every string column that names the person, rewritten with the name replaced; guarded by the etag it was read with. */
async function withoutIdentifiers(table: TableClient, row: StoredRow, ids: readonly string[]): Promise<void> {
  for (let current: StoredRow | undefined = row; current; ) {
    if (await rewrite(table, current, ids)) return;
    // Changed since it was read: read it again and decide again.
    current = await orUndefinedWhenMissing(table.getEntity<StoredRow>(row.partitionKey, row.rowKey));
  }
}

async function rewrite(table: TableClient, row: StoredRow, ids: readonly string[]): Promise<boolean> {
  const changes: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (SYSTEM_COLUMNS.has(column) || typeof value !== 'string' || !mentions(value, ids)) continue;
    changes[column] = ids.reduce((text, id) => text.replace(wholeIdentifier(id, 'giu'), ERASED), value);
  }
  if (Object.keys(changes).length === 0) return true;
  try {
    await table.updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, ...changes }, 'Merge', { etag: row.etag ?? '*' });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return true;
    if (statusOf(error) === 412) return false;
    throw error;
  }
}

async function deleteRow(table: TableClient, row: StoredRow): Promise<void> {
  try {
    await table.deleteEntity(row.partitionKey, row.rowKey);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.trim() !== ''))];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
