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

/**
 * Table calls give up on an unreachable account within about half a second. The SDK's default (3 retries from 1 s,
 * doubling, with jitter) takes about 5 s to fail a refused connection, longer than Teams waits for a card action (5 s);
 * a person is better told at once to try again. Busy answers (503) and throttling (429 with Retry-After) still retry.
 */
export const TABLE_RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 400 } as const;

/** A connection string (Azurite, or a key-based account) or endpoints reached with a managed identity. */
export function storageClients(connection: StorageConnection): StorageClients {
  const retryOptions = TABLE_RETRY_OPTIONS;
  if (connection.kind === 'connectionString') {
    const tableOptions = { allowInsecureConnection: /DefaultEndpointsProtocol=http;/i.test(connection.connectionString), retryOptions };
    return {
      table: (name) => TableClient.fromConnectionString(connection.connectionString, name, tableOptions),
      queue: (name) => new QueueClient(connection.connectionString, name),
      tableService: () => TableServiceClient.fromConnectionString(connection.connectionString, tableOptions),
    };
  }
  const credential = azureCredential(connection.clientId);
  return {
    table: (name) => new TableClient(connection.tableEndpoint, name, credential, { retryOptions }),
    queue: (name) => new QueueClient(`${connection.queueEndpoint.replace(/\/$/, '')}/${name}`, credential),
    tableService: () => new TableServiceClient(connection.tableEndpoint, credential, { retryOptions }),
  };
}

function azureCredential(clientId: string | undefined): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
}
