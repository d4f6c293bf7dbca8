/** The port of a connection string's table or queue endpoint on 127.0.0.1 (Azurite's). */
export function endpointPort(connectionString: string, name: 'Table' | 'Queue'): number {
  const match = new RegExp(`${name}Endpoint=http://127\\.0\\.0\\.1:(\\d+)`).exec(connectionString);
  if (!match) throw new Error(`no ${name} endpoint on 127.0.0.1 in the connection string`);
  return Number(match[1]);
}

/** The connection string with its table and queue endpoints going through proxies on 127.0.0.1. */
export function throughProxies(connectionString: string, tables: { readonly port: number }, queues: { readonly port: number }): string {
  return connectionString
    .replace(/TableEndpoint=http:\/\/127\.0\.0\.1:\d+/, `TableEndpoint=http://127.0.0.1:${tables.port}`)
    .replace(/QueueEndpoint=http:\/\/127\.0\.0\.1:\d+/, `QueueEndpoint=http://127.0.0.1:${queues.port}`);
}
