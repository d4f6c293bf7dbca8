import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { describe, expect, inject, it } from 'vitest';

describe('the Azurite the tests share', () => {
  it('stores and reads a table entity and a queue message', async () => {
    const connectionString = inject('storageConnectionString');
    const table = TableClient.fromConnectionString(connectionString, 'smoketest', { allowInsecureConnection: true });
    await table.createTable();
    await table.upsertEntity({ partitionKey: 'p', rowKey: 'r', value: 42 });
    const entity = await table.getEntity<{ value: number }>('p', 'r');
    expect(entity.value).toBe(42);

    const queue = new QueueClient(connectionString, 'smoketest');
    await queue.createIfNotExists();
    await queue.sendMessage('hello');
    const received = await queue.receiveMessages();
    expect(received.receivedMessageItems[0]?.messageText).toBe('hello');
  });
});
