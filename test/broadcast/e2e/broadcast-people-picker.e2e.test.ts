import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { conversationOf, crowd, directoryFile, knownChats, startBroadcastBot, type BroadcastBot } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { ISAIAH } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

interface Element {
  readonly type?: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

function inputOf(card: unknown, id: string): Element {
  const body = (card as { body?: Element[] }).body ?? [];
  const found = body.find((element) => element.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

/**
 * The coordinator picks named people by name (Teams' people picker, which searches the directory and sends directory
 * ids); typed work e-mail addresses still work for a client without the picker. The server resolves every id through
 * the directory, and the cards show names only.
 */
describe('naming the people a broadcast goes to, by name', () => {
  const people = crowd(4);
  const [first, second, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const gone = 'aaaaaaaa-bbbb-4ccc-8ddd-00000000dead';
  let connector: BroadcastConnectorStandIn;
  let t: BroadcastBot;
  let draftId: string;

  beforeAll(async () => {
    connector = await new BroadcastConnectorStandIn().start();
    t = await startBroadcastBot(connector, { LOCAL_DIRECTORY_FILE: directoryFile(people) });
    await knownChats(t.env, [...people, ISAIAH], connector.url);
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
  });

  const form = (over: Record<string, string>) => ({ draftId, sessionId: 'none', text: 'Supervision is on Thursday.', audience: '', people: '', picked: '', ...over });

  it('offers a people picker that searches the directory by name, with a typed e-mail field as the fallback', async () => {
    await t.send(message(ISAIAH, 'broadcast'));
    const compose = connector.delivered(conversationOf(ISAIAH)).at(-1)!.body!.attachments![0]!.content;
    draftId = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(compose))![1]!;
    const picker = inputOf(compose, 'picked');
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'filtered', placeholder: 'Type a name', 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } });
    expect(String(picker.label)).toContain('type a name');
    expect(inputOf(compose, 'people')).toMatchObject({ type: 'Input.Text', label: 'Or type their work e-mail addresses (optional)' });
    expect(textOf(compose)).not.toMatch(/\bids?\b|object id/i);
  });

  it('previews the people picked by name, with those typed, and never shows an id', async () => {
    const preview = invokeCard(await t.send(action(ISAIAH, 'broadcastPreview', form({ picked: `${first.id},${second.id},${gone}`, people: 'nobody@council.example' }))));
    const words = textOf(preview);
    expect(words).toContain(`Named ${first.name}, ${second.name}`);
    expect(words).toContain('Recipients 2 people');
    expect(words).toContain('Not found in the directory, so left out: nobody@council.example; 1 person chosen who is no longer in it.');
    for (const id of [first.id, second.id, gone]) expect(words).not.toContain(id);
  });

  it('brings the picked people back by name on Edit', async () => {
    const edit = invokeCard(await t.send(action(ISAIAH, 'broadcastEdit', form({ picked: `${first.id},${second.id},${gone}` }))));
    const kept = inputOf(edit, 'chosen');
    expect(kept).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(kept.choices).toEqual([{ title: first.name, value: first.id }, { title: second.name, value: second.id }]);
    expect(kept.value).toBe(`${first.id},${second.id}`);
    expect(inputOf(edit, 'picked')).toMatchObject({ value: '', 'choices.data': { dataset: 'graph.microsoft.com/users' } });
    for (const id of [first.id, second.id]) expect(textOf(edit)).not.toContain(id);
  });

  it('leaves out someone unticked on Edit, and adds those picked next to the ones kept', async () => {
    const preview = invokeCard(await t.send(action(ISAIAH, 'broadcastPreview', form({ chosen: first.id, picked: third.id }))));
    expect(textOf(preview)).toContain(`Named ${first.name}, ${third.name}`);
    expect(textOf(preview)).not.toContain(second.name);
  });

  it('sends to the picked people, each once, and to nobody else', async () => {
    const data = form({ picked: `${first.id},${second.id}`, people: second.id });
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'broadcastSend', data))))).toMatch(/Sending to 2 people…|Sent to 2 people/);
    await eventually(() => expect([first, second].map((p) => connector.delivered(conversationOf(p)).length)).toEqual([1, 1]), 20_000);
    expect(connector.delivered(conversationOf(third))).toHaveLength(0);
  });

  it('refuses a picker value that is not a directory id, and sends nothing', async () => {
    const refused = invokeCard(await t.send(action(ISAIAH, 'broadcastPreview', form({ draftId: '00000000-0000-4000-8000-0000000000aa', picked: 'someone@council.example' }))));
    expect(textOf(refused)).toContain('could not be read');
    expect(textOf(refused)).toContain('Type "broadcast"');
  });
});
