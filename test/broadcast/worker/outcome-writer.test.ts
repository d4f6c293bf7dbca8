import { describe, expect, inject, it } from 'vitest';
import { BroadcastQueue, RECIPIENTS_PER_MESSAGE } from '../../../src/broadcast/store/broadcast-queue.js';
import { BroadcastRepository } from '../../../src/broadcast/store/broadcast.repository.js';
import { OutcomeWriter } from '../../../src/broadcast/worker/outcome-writer.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { uniquePrefix } from '../../support/test-bot.js';

async function setUp() {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const table = await openTable(clients, `${prefix}Broadcasts`);
  const recipients = new BroadcastRepository(table).recipients;
  const queueClient = clients.queue(`${prefix.toLowerCase()}-broadcast`);
  await queueClient.createIfNotExists();
  return { table, recipients, queueClient, queue: new BroadcastQueue(queueClient) };
}

const people = (n: number) => Array.from({ length: n }, (_, i) => `person-${i}`);

describe('recipients\' outcomes written together (a group commit on Azurite)', () => {
  it('writes the outcomes answered during a write in one transaction each, and every row says what its outcome was', async () => {
    const { table, recipients } = await setUp();
    await recipients.create('b1', people(30), new Date());
    const claimed = await Promise.all(
      (await recipients.list('b1')).map(async (record) => ({ record, etag: (await recipients.claim(record, new Date(Date.now() + 60_000)))!.etag })),
    );
    const writer = new OutcomeWriter(recipients);
    let transactions = 0;
    const submit = table.submitTransaction.bind(table);
    table.submitTransaction = (...args) => ((transactions += 1), submit(...args));

    const written = await Promise.all(
      claimed.map(({ record, etag }, i) =>
        writer.write({ record, etag, outcome: i % 10 === 9 ? { kind: 'failed', code: 'BLOCKED', reason: 'The bot is blocked.' } : { kind: 'sent', at: new Date() } }),
      ),
    );

    expect(written).toEqual(claimed.map(() => true));
    // The first goes alone, at once; the other 29 were answered while it was on its way and go together.
    expect(transactions).toBe(1);
    const rows = await recipients.list('b1');
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(27);
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.code)).toEqual(['BLOCKED', 'BLOCKED', 'BLOCKED']);
    expect(rows.every((r) => Date.parse(r.claimedUntil) === 0)).toBe(true);
  });

  it('writes row by row when one row changed under its claim: that one is refused, the others are written', async () => {
    const { recipients } = await setUp();
    await recipients.create('b2', people(5), new Date());
    const claimed = await Promise.all((await recipients.list('b2')).map(async (record) => ({ record, etag: (await recipients.claim(record, new Date(Date.now() + 60_000)))!.etag })));
    // Another worker took person-2 over (its claim ran out here): our etag for it is stale.
    const stolen = claimed.find((c) => c.record.recipientId === 'person-2')!;
    await recipients.claim({ ...stolen.record, etag: stolen.etag }, new Date(Date.now() + 60_000));

    const written = await recipients.recordMany(claimed.map(({ record, etag }) => ({ record, etag, outcome: { kind: 'sent', at: new Date() } })));

    expect(written).toEqual(claimed.map((c) => c.record.recipientId !== 'person-2'));
    const rows = await recipients.list('b2');
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.recipientId).sort()).toEqual(['person-0', 'person-1', 'person-3', 'person-4']);
    expect(rows.find((r) => r.recipientId === 'person-2')?.status).toBe('pending');
  });
});

describe('the broadcast queue: several recipients to a message', () => {
  it('queues everyone in messages of RECIPIENTS_PER_MESSAGE, and deletes a message only once every recipient in it is complete', async () => {
    const { queue, queueClient } = await setUp();
    const everyone = people(RECIPIENTS_PER_MESSAGE * 2 + 3);
    await queue.enqueueAll('b3', everyone);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(3);

    const received = await queue.receive(1_000, 30);
    expect(received.map((m) => m.recipientId).sort()).toEqual([...everyone].sort());
    const first = received.filter((m) => m.messageId === received[0]!.messageId);
    expect(first).toHaveLength(RECIPIENTS_PER_MESSAGE);
    for (const message of first.slice(1)) await queue.complete(message);
    await queue.complete(received.find((m) => m.messageId !== first[0]!.messageId)!); // one of another message
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(3);
    await queue.complete(first[0]!);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(2);
  });

  it('still reads a message of one recipient (a retry, or one queued before messages carried several)', async () => {
    const { queue, queueClient } = await setUp();
    await queueClient.sendMessage(JSON.stringify({ b: 'b4', r: 'person-9' }));
    await queueClient.sendMessage('not ours');
    const received = await queue.receive(32, 30);
    expect(received.map((m) => [m.broadcastId, m.recipientId])).toEqual([['b4', 'person-9']]);
    await queue.complete(received[0]!);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
  });
});
