import type { TableClient, TableEntity } from '@azure/data-tables';
import type { HeldRow } from '../domain/index.js';

/** Every table that can hold personal data (docs/privacy.md, "The data map"), by the names their features open them with. */
export const PERSONAL_TABLES = {
  mentors: 'Mentors',
  matching: 'MentorMatching',
  youngPeople: 'YoungPeople',
  access: 'YoungPersonAccess',
  relationships: 'Relationships',
  concerns: 'SupportConcerns',
  sessions: 'Sessions',
  broadcasts: 'Broadcasts',
  supervision: 'Supervision',
  delivery: 'Delivery',
  conversations: 'Conversations',
  cardMessages: 'CardMessages',
  privacy: 'Privacy',
} as const;

export type PersonalTableKey = keyof typeof PERSONAL_TABLES;
export type PersonalTables = Readonly<Record<PersonalTableKey, TableClient>>;

export async function openPersonalTables(openTable: (name: string) => Promise<TableClient>): Promise<PersonalTables> {
  const entries = await Promise.all(Object.entries(PERSONAL_TABLES).map(async ([key, name]) => [key, await openTable(name)] as const));
  return Object.fromEntries(entries) as unknown as PersonalTables;
}

export type StoredRow = TableEntity & { etag?: string; timestamp?: string };

const KINDS: ReadonlyArray<[string, string]> = [
  ['audit|', 'audit entry'],
  ['outbox|', 'message owed'],
  ['meeting|', 'meeting log'],
  ['claim|', 'refreshment claim'],
  ['proposal|', 'match proposal'],
  ['match|', 'match'],
  ['r|', 'broadcast received'],
  ['rsvp|', 'supervision answer'],
];

/** A stored row as a person reads it: its kind, and its fields with the JSON it keeps unpacked. */
export function heldRow(table: string, entity: StoredRow): HeldRow {
  const kind = KINDS.find(([prefix]) => entity.rowKey.startsWith(prefix))?.[1] ?? entity.rowKey;
  const fields: Record<string, unknown> = {};
  const parts = typeof entity.parts === 'number' ? entity.parts : 0;
  for (const [key, value] of Object.entries(entity)) {
    if (['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'parts'].includes(key) || /^data\d+$/.test(key)) continue;
    if ((key === 'data' || key === 'message' || key === 'effect') && typeof value === 'string') Object.assign(fields, parsed(value, key));
    else fields[key] = value;
  }
  if (parts > 0) Object.assign(fields, parsed(Array.from({ length: parts }, (_, i) => String(entity[`data${i}`] ?? '')).join(''), 'data'));
  return { table, kind, fields };
}

function parsed(json: string, key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { [key]: value };
  } catch {
    return { [key]: json };
  }
}

/** Every row of a table: the generic walk that erasure and the checks in tests rely on. */
export async function* everyRow(table: TableClient, filter?: string): AsyncIterable<StoredRow> {
  for await (const entity of table.listEntities<StoredRow>(filter ? { queryOptions: { filter } } : {})) yield entity;
}
