import { TableClient, TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { QueueClient } from '@azure/storage-queue';

export type StorageConnection =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'endpoints'; readonly tableEndpoint: string; readonly queueEndpoint: string; readonly clientId?: string };

export interface StorageClients {
  table(name: string): TableClient;
  queue(name: string): QueueClient;
  tableService(): TableServiceClient;
}

/** A connection string (Azurite, or a key-based account) or endpoints reached with a managed identity. */
export function storageClients(connection: StorageConnection): StorageClients {
  if (connection.kind === 'connectionString') {
    const insecure = { allowInsecureConnection: /DefaultEndpointsProtocol=http;/i.test(connection.connectionString) };
    return {
      table: (name) => TableClient.fromConnectionString(connection.connectionString, name, insecure),
      queue: (name) => new QueueClient(connection.connectionString, name),
      tableService: () => TableServiceClient.fromConnectionString(connection.connectionString, insecure),
    };
  }
  const credential = azureCredential(connection.clientId);
  return {
    table: (name) => new TableClient(connection.tableEndpoint, name, credential),
    queue: (name) => new QueueClient(`${connection.queueEndpoint.replace(/\/$/, '')}/${name}`, credential),
    tableService: () => new TableServiceClient(connection.tableEndpoint, credential),
  };
}

function azureCredential(clientId: string | undefined): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
}
