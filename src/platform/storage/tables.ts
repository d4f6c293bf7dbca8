import type { TableClient } from '@azure/data-tables';
import type { QueueClient } from '@azure/storage-queue';
import type { StorageClients } from './storage-clients.js';
import { statusOf } from './storage-errors.js';
import { oncePerKey } from '../kernel/once-per-key.js';

/** The platform's own tables; names get the configured prefix so tests and environments can share an account. */
export const TABLE_NAMES = {
  conversations: 'Conversations',
  cardMessages: 'CardMessages',
} as const;

export type TableKey = keyof typeof TABLE_NAMES;
export type Tables = Record<TableKey, TableClient>;

export interface Storage {
  readonly tables: Tables;
  readonly effectQueue: QueueClient;
  /** Opens (creating if missing) a table under the same prefix: a capability's own tables. */
  openTable(name: string): Promise<TableClient>;
}

export async function openStorage(clients: StorageClients, prefix: string): Promise<Storage> {
  const tables = Object.fromEntries(
    Object.entries(TABLE_NAMES).map(([key, name]) => [key, clients.table(`${prefix}${name}`)]),
  ) as Tables;
  await Promise.all(Object.values(tables).map(createIfMissing));
  const effectQueue = clients.queue(`${prefix.toLowerCase()}-effects`);
  await effectQueue.createIfNotExists();
  return { tables, effectQueue, openTable: onceEach((name) => openTable(clients, `${prefix}${name}`)) };
}

/** Several features open the same table (MentorMatching, YoungPeople, CardMessages): it is created once per process. */
function onceEach(open: (name: string) => Promise<TableClient>): (name: string) => Promise<TableClient> {
  return oncePerKey(new Map<string, Promise<TableClient>>(), open, { retryFailures: true });
}

export async function openTable(clients: StorageClients, name: string): Promise<TableClient> {
  const table = clients.table(name);
  await createIfMissing(table);
  return table;
}

async function createIfMissing(table: TableClient): Promise<void> {
  try {
    await table.createTable();
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
}
