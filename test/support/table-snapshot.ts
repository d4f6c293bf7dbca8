import type { StorageClients } from '../../src/platform/storage/storage-clients.js';

/** Every row of every table under a prefix, keyed by table, partition and row, with its stored properties: to show nothing changed. */
export async function tableSnapshot(clients: StorageClients, prefix: string): Promise<Record<string, unknown>> {
  const rows: Record<string, unknown> = {};
  for await (const table of clients.tableService().listTables()) {
    if (!table.name?.startsWith(prefix)) continue;
    for await (const entity of clients.table(table.name).listEntities()) {
      const { etag: _etag, timestamp: _timestamp, ...stored } = entity as Record<string, unknown>;
      rows[`${table.name}|${entity.partitionKey}|${entity.rowKey}`] = stored;
    }
  }
  return rows;
}
