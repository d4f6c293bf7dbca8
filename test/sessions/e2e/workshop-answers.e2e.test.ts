import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationOf, deliveriesOf, startBroadcastWorld, WITH_SESSIONS, type BroadcastBot, type BroadcastWorld } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { realSpeedFrom } from '../../support/real-speed-clock.js';
import { ADELE, ALEX, GRADY, ISAIAH } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

const { now, jumpTo } = realSpeedFrom('2026-12-04T10:00:00Z');
const TITLE = 'CPB and Children in Care Council workshop';

/**
 * A workshop invitation answered both ways: Book takes a place (or the waiting list), Can't make it is kept as an answer
 * and gives a place back to the first person waiting, and the coordinator's report of the invitation counts booked,
 * can't make it and no answer.
 */
describe("a workshop invitation's Can't make it, over the bot endpoint", () => {
  let world: BroadcastWorld;
  let t: BroadcastBot;
  let sessionId = '';
  let broadcastId = '';
  beforeAll(async () => {
    world = await startBroadcastWorld([ISAIAH, ADELE, GRADY, ALEX], {}, { now, features: WITH_SESSIONS });
    t = world.t;
  });
  afterAll(() => world?.stop());
  const { delivered, cardWith } = deliveriesOf(() => world);
  const answer = async (person: typeof ADELE, verb: 'bookSession' | 'declineSession', data: Record<string, unknown> = { sessionId }) => {
    const response = await t.send(action(person, verb, data));
    return { text: textOf(invokeCard(response)), json: JSON.stringify(invokeCard(response)) };
  };
  const report = async () => textOf(invokeCard(await t.send(action(ISAIAH, 'refreshBroadcast', { broadcastId }, 'automatic'))));

  it("invites three members to a one-seat workshop; the invitation offers Book and Can't make it", async () => {
    const form = { kind: 'memberWorkshop', title: TITLE, startsAt: '2027-01-20 14:00', endsAt: '2027-01-20 16:00', location: 'inPerson', venue: 'Town Hall', seats: '1' };
    expect(JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'createSession', form))))).toContain(`Created: ${TITLE}`);
    await t.send(message(ISAIAH, 'broadcast'));
    const compose = JSON.stringify(delivered(ISAIAH).at(-1)?.body);
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(compose)![1]!;
    sessionId = new RegExp(`"title":"Invitation: ${TITLE}[^"]*","value":"([^"]+)"`).exec(compose)![1]!;
    const form2 = { draftId, sessionId, text: 'Members are invited.', audience: '', people: [ADELE, GRADY, ALEX].map((p) => p.id).join(', ') };
    await t.send(action(ISAIAH, 'broadcastSend', form2));
    const invitation = JSON.stringify((await cardWith(ADELE, TITLE)).body);
    expect(invitation).toContain(`"verb":"bookSession","data":{"sessionId":"${sessionId}"}`);
    expect(invitation).toContain(`"title":"Can't make it","verb":"declineSession","data":{"sessionId":"${sessionId}"}`);
    for (const person of [GRADY, ALEX]) await cardWith(person, TITLE);
    broadcastId = await eventually(() => {
      const id = /"broadcastId":"([^"]+)"/.exec(JSON.stringify([...world.connector.delivered(conversationOf(ISAIAH)), ...world.connector.updates(conversationOf(ISAIAH))].map((r) => r.body)))?.[1];
      if (!id) throw new Error('no broadcast card yet');
      return id;
    });
  });

  it('answers Book with the invitation: a place for the first, the waiting list for the second, nothing counted as declined', async () => {
    const adele = await answer(ADELE, 'bookSession');
    expect(adele.text).toContain(`You are booked on ${TITLE}`);
    expect(adele.text).toContain("Can't make it after all…");
    expect((await answer(GRADY, 'bookSession')).text).toContain('You are number 1 on the waiting list');
    const counted = await report();
    expect(counted).toContain('Answers so far');
    expect(counted).toMatch(/Booked 2 Can't make it 0 No answer yet 1/);
  });

  it("records Can't make it, gives the place to the first person waiting, who is told, and the report counts it", async () => {
    const adele = await answer(ADELE, 'declineSession');
    expect(adele.text).toContain("You've said you can't make it");
    expect(adele.text).toContain('Your place has been given up');
    expect(adele.json).toContain('"title":"Book after all"');
    await cardWith(GRADY, 'A place came free: you are booked');
    const alex = await answer(ALEX, 'declineSession', { sessionId, personId: ADELE.id }); // the card cannot answer for someone else
    expect(alex.text).toContain("You've said you can't make it");
    expect(alex.text).not.toContain('Your place has been given up');
    expect(await report()).toMatch(/Booked 1 Can't make it 2 No answer yet 0/);
    await t.send(message(ISAIAH, 'sessions'));
    expect(textOf(delivered(ISAIAH).at(-1)?.body)).toContain('Booked (1): Grady Archie');
    // A second press changes nothing.
    expect((await answer(ALEX, 'declineSession')).text).toContain("You've said you can't make it");
    expect(await report()).toMatch(/Booked 1 Can't make it 2 No answer yet 0/);
  });

  it('lets someone who could not make it book after all (the workshop is full now: the waiting list)', async () => {
    expect((await answer(ADELE, 'bookSession')).text).toContain('You are number 1 on the waiting list');
    expect(await report()).toMatch(/Booked 2 Can't make it 1 No answer yet 0/);
  });

  it('refuses an unreadable or stale answer, and any answer once the workshop has started, changing nothing', async () => {
    expect((await answer(ALEX, 'declineSession', {})).text).toContain('This invitation is out of date');
    expect((await answer(ALEX, 'declineSession', { sessionId: 'no-such-session' })).text).toContain('This session no longer exists');
    jumpTo('2027-01-20T14:30:00Z');
    const late = await answer(GRADY, 'declineSession');
    expect(late.text).toContain('This session has already started, so answers are closed.');
    expect(late.json).not.toContain('Book after all');
    expect(await report()).toMatch(/Booked 2 Can't make it 1 No answer yet 0/);
  });
});
