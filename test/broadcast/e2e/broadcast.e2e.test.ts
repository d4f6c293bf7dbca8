import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecipientRepository } from '../../../src/broadcast/store/recipient.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { conversationOf, crowd, directoryFile, knownChats, startBroadcastBot, type BroadcastBot } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { GRADY, ISAIAH, type TestPerson } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

const MESSAGE = 'Information session on 9 November.\n[Click here](http://evil.example) **now** <at>everyone</at>';

/** The compose card's draft id, from the card the `broadcast` command sent to the coordinator. */
function draftIdFrom(connector: BroadcastConnectorStandIn): string {
  const card = connector.delivered(conversationOf(ISAIAH)).at(-1);
  const found = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card?.body));
  if (!found) throw new Error('no compose card');
  return found[1]!;
}

function form(draftId: string, people: readonly TestPerson[]) {
  return { draftId, sessionId: 'none', text: MESSAGE, audience: '', people: people.map((p) => p.id).join(', ') };
}

function finalCard(connector: BroadcastConnectorStandIn): string {
  const updates = connector.updates(conversationOf(ISAIAH));
  const last = textOf(updates.at(-1)?.body?.attachments?.[0]?.content);
  if (!/Sent to \d+/.test(last)) throw new Error(`not finished yet: ${last.slice(0, 200)}`);
  return last;
}

describe('a broadcast to 300 people, 10% throttled, 2 blocked, some connections dropped', () => {
  const people = crowd(300);
  const throttled = people.filter((_, i) => i % 10 === 3);
  const blocked = [people[7]!, people[150]!];
  const dropped = people.filter((_, i) => i % 50 === 11);
  let connector: BroadcastConnectorStandIn;
  let t: BroadcastBot;

  beforeAll(async () => {
    connector = await new BroadcastConnectorStandIn().start();
    // Two 429s in a row, each reaching the worker (botbuilder's own retries are off for broadcasts), which waits as
    // Retry-After says and tries again: the third attempt is accepted.
    for (const person of throttled) connector.throttle.set(conversationOf(person), 2);
    for (const person of blocked) connector.blocked.add(conversationOf(person));
    for (const person of dropped) connector.drop.set(conversationOf(person), 1);
    t = await startBroadcastBot(connector, { LOCAL_DIRECTORY_FILE: directoryFile(people) });
    await knownChats(t.env, [...people, ISAIAH, GRADY], connector.url);
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
  });

  it('refuses someone who is not a coordinator, on the command and on the buttons, and sends nothing', async () => {
    await t.send(message(GRADY, 'broadcast'));
    expect(textOf(connector.delivered(conversationOf(GRADY)).at(-1)?.body)).toContain('Only the scheme coordinators');
    const forged = await t.send(action(GRADY, 'broadcastSend', form('00000000-0000-4000-8000-000000000000', people.slice(0, 3))));
    expect(textOf(invokeCard(forged))).toContain('Only the scheme coordinators');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(people.slice(0, 3).flatMap((p) => connector.delivered(conversationOf(p)))).toHaveLength(0);
  });

  it('previews the recipient count, then sends each person the text literally, exactly once, and reports the 2 blocked', async () => {
    await t.send(message(ISAIAH, 'broadcast'));
    const draftId = draftIdFrom(connector);
    const preview = invokeCard(await t.send(action(ISAIAH, 'broadcastPreview', form(draftId, people))));
    expect(textOf(preview)).toContain('300 people');
    expect(textOf(preview)).toContain('Send to 300 people');
    // The people named by their directory ids are shown by name: a person never reads an id.
    expect(textOf(preview)).toContain(`Named ${people[0]!.name}, ${people[1]!.name}`);
    expect(textOf(preview)).toContain('and 290 more');
    for (const person of people) expect(textOf(preview)).not.toContain(person.id);

    const started = invokeCard(await t.send(action(ISAIAH, 'broadcastSend', form(draftId, people))));
    expect(textOf(started)).toMatch(/Sending to 300 people…|Sent to 298 of 300 people/);
    // A second press of Send (or a retried invoke) starts nothing new.
    await t.send(action(ISAIAH, 'broadcastSend', form(draftId, people)));

    const report = await eventually(() => finalCard(connector), 110_000, 200);
    const others = people.filter((p) => !blocked.includes(p));
    const counts = others.map((p) => connector.delivered(conversationOf(p)).length);
    expect(counts.filter((n) => n === 1)).toHaveLength(298);
    expect(blocked.flatMap((p) => connector.delivered(conversationOf(p)))).toHaveLength(0);
    expect(report).toContain('Sent to 298 of 300 people');
    expect(report).toMatch(/Sent 298/);
    expect(report).toMatch(/Failed 2/);
    expect(report).toMatch(/Remaining 0/);
    expect(report).toMatch(/Recipient 8: [^•]*blocked/);
    expect(report).toMatch(/Recipient 151: [^•]*blocked/);
    expect(report).toContain('Retry failed (2)');

    // The faults really happened, and the card moved while sending.
    expect(connector.count(429)).toBe(throttled.length * 2);
    const rows = await new RecipientRepository(await openTable(storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! }), `${t.env.TABLE_PREFIX}Broadcasts`)).list(draftId);
    const attempts = new Map(rows.map((row) => [row.recipientId, row.attempts]));
    expect(throttled.map((p) => attempts.get(p.id))).toEqual(throttled.map(() => 3)); // the worker saw both 429s
    expect(connector.count('dropped')).toBe(dropped.length);
    expect(connector.updates(conversationOf(ISAIAH)).length).toBeGreaterThanOrEqual(2);

    const received = connector.delivered(conversationOf(others[0]!))[0]!;
    const content = received.body?.attachments?.[0]?.content;
    expect(textOf(content)).toContain('[Click here](http://evil.example) **now** <at>everyone</at>');
    // The only TextBlock is the bot's own heading; the coordinator's words are never one (TextBlock reads Markdown).
    expect(JSON.stringify(content).match(/"type":"TextBlock"[^}]*/g) ?? []).toEqual(['"type":"TextBlock","text":"From the mentoring scheme","style":"heading","wrap":true']);
  }, 120_000);

  it('retries the failed ones on Retry failed, and sends nobody else again', async () => {
    connector.blocked.clear();
    const draftId = /"broadcastId":"([0-9a-f-]{36})"/.exec(JSON.stringify(connector.updates(conversationOf(ISAIAH)).at(-1)?.body))![1]!;
    const before = connector.requests.length;
    invokeCard(await t.send(action(ISAIAH, 'broadcastRetryFailed', { broadcastId: draftId })));
    await eventually(() => {
      const report = finalCard(connector);
      if (!/Sent 300/.test(report)) throw new Error('not yet');
      return report;
    }, 50_000, 200);
    const sendsSince = connector.requests.slice(before).filter((r) => r.method === 'POST' && r.answer === 201);
    expect(sendsSince.map((r) => r.conversationId).sort()).toEqual(blocked.map(conversationOf).sort());
  }, 60_000);
});
