import { odata } from '@azure/data-tables';
import { storageClients } from '../../src/platform/storage/storage-clients.js';

/**
 * The broadcast workers' heartbeats (src/broadcast/store/worker-presence.repository.ts): a running bot rewrites them
 * every few seconds whatever it is asked to do, so a slow test would otherwise see a change nobody made.
 */
const HEARTBEAT = /Broadcasts\|workers\|\|/;

/**
 * Every row of every table under a prefix, as `table|partition|row|etag`, sorted: two snapshots are equal only if
 * nothing was created, changed or deleted in between (the workers' heartbeats aside).
 */
export async function snapshotTables(connectionString: string, prefix: string): Promise<string[]> {
  const clients = storageClients({ kind: 'connectionString', connectionString });
  const rows: string[] = [];
  const names: string[] = [];
  for await (const table of clients.tableService().listTables({ queryOptions: { filter: odata`TableName ge ${prefix} and TableName lt ${`${prefix}~`}` } })) {
    if (table.name) names.push(table.name);
  }
  for (const name of names) {
    for await (const entity of clients.table(name).listEntities()) rows.push(`${name}|${entity.partitionKey}|${entity.rowKey}|${entity.etag}`);
  }
  return rows.filter((row) => !HEARTBEAT.test(row)).sort();
}
