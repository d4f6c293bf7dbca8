import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mentor } from '../../../src/journey/domain/index.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { youngPerson } from '../../matching/domain/fixtures.js';
import { startRelationshipBot, type RelationshipBot } from '../../support/relationship-bot.js';
import { eventually, pause } from '../../support/eventually.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI, type TestPerson } from '../../support/people.js';
import { cardText, textOf, type SentActivity } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, message, type TestBot } from '../../support/test-bot.js';

const FOCUS = 'CV and a college open day';
const ALEX_MATCH = 'match-alex-1';
const ADELE_MATCH = 'match-adele-1';

describe('the mentoring relationship over the bot endpoint, on a moving clock', () => {
  let world: RelationshipBot;
  let t: TestBot;
  let clock = new Date('2026-11-02T10:00:00Z');

  beforeAll(async () => {
    world = await startRelationshipBot(
      { SUPPORT_SERVICE_MANAGER_IDS: PATTI.id, SERVICE_MANAGER_NAME: 'Patti Fernandez', CONCERN_RENOTIFY_MINUTES: '15' },
      () => clock,
    );
    t = world.t;
    await world.matched(ALEX, { id: 'yp-alex' }, { matchId: ALEX_MATCH });
    await world.matched(ADELE, { id: 'yp-adele' }, { matchId: ADELE_MATCH });
  });
  afterAll(() => t?.stop());

  const sent = (person: TestPerson) => t.connector.to(conversationOf(person)).filter((a) => a.kind === 'send');
  const cardsTo = (person: TestPerson, words: string) => sent(person).filter((a) => cardText(a).includes(words));
  /** Waits for the first card sent to `person` with these words. */
  const firstCardWith = (person: TestPerson, words: string) =>
    eventually(() => {
      const found = cardsTo(person, words)[0];
      if (!found) throw new Error(`no card with "${words}" yet`);
      return found;
    });

  function actionData(activity: SentActivity | undefined, verb: string): Record<string, unknown> {
    const found = JSON.stringify(activity?.activity.attachments?.[0]?.content ?? {});
    const actions: Array<{ verb?: string; data?: Record<string, unknown> }> = [];
    JSON.parse(found, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'Action.Execute') actions.push(value as { verb?: string; data?: Record<string, unknown> });
      return value;
    });
    const hit = actions.find((each) => each.verb === verb);
    if (!hit?.data) throw new Error(`no ${verb} action on the card`);
    return hit.data;
  }

  async function meetingForm(person: TestPerson): Promise<Record<string, unknown>> {
    const before = sent(person).length;
    await t.send(message(person, 'log meeting'));
    const form = await eventually(() => {
      const latest = sent(person).slice(before).find((a) => cardText(a).includes('Log a meeting'));
      if (!latest) throw new Error('no form yet');
      return latest;
    });
    expect(cardText(form)).toContain("Never write details of the young person's life");
    return actionData(form, 'logMeeting');
  }

  const logged = async (person: TestPerson, data: Record<string, unknown>) => textOf(invokeCard(await t.send(action(person, 'logMeeting', data))));

  it('refuses bad input with a clear message and stores nothing', async () => {
    const form = await meetingForm(ALEX);
    const good = { ...form, date: '2026-11-02', minutes: '60', mode: 'inPerson', focus: FOCUS };
    expect(await logged(ALEX, { ...good, minutes: 'an hour' })).toContain('length of the meeting in whole minutes');
    expect(await logged(ALEX, { ...good, date: '2026-11-09' })).toContain('in the future');
    expect(await logged(ALEX, { ...good, date: '2026-10-20' })).toContain('before the match started');
    expect(await logged(ALEX, { ...good, focus: '<b>hi</b>' })).toContain('plain text');
    expect(await logged(ALEX, { ...good, refreshmentAmount: '-3', refreshmentPurpose: 'tea' })).toContain('cannot be negative');
    expect(await logged(ALEX, { ...good, refreshmentAmount: '4.505', refreshmentPurpose: 'tea' })).toContain('at most 2 digits');
    expect(await logged(ALEX, { ...good, refreshmentAmount: '25', refreshmentPurpose: 'lunch' })).toContain('need a short note');
    expect(await logged(GRADY, good)).toContain('no active match');
    expect(await world.relationships.meetings(ALEX_MATCH)).toEqual([]);
    expect(await world.relationships.claimsForMonth('2026-11')).toEqual([]);
  });

  it('writes a retried log once and shows minutes against 90 and months against 6 to 18', async () => {
    const form = await meetingForm(ALEX);
    const data = { ...form, date: '2026-11-02', minutes: '60', mode: 'inPerson', focus: FOCUS };
    const [first, second] = await Promise.all([logged(ALEX, data), logged(ALEX, data)]);
    const third = await logged(ALEX, data);
    expect([first, second].some((text) => text.includes('Meeting logged'))).toBe(true);
    expect(third).toContain('Already logged');
    expect(third).toContain('60 of 90 minutes');
    expect(third).toContain('0 (at least 6, at most 18)');
    expect(await world.relationships.meetings(ALEX_MATCH)).toHaveLength(1);
    expect((await world.mentors.get(ALEX.id))?.value.stage).toBe('active');
  });

  it('takes a refreshment claim in pence with a meeting, and a month at or over 90 minutes', async () => {
    const form = await meetingForm(ALEX);
    const text = await logged(ALEX, { ...form, date: '2026-11-02', minutes: '45', mode: 'online', focus: 'Job search', refreshmentAmount: '£4.50', refreshmentPurpose: 'Two coffees' });
    expect(text).toContain('£4.50');
    expect(text).toContain('105 of 90 minutes');
    expect(text).toContain('met the 90 minutes');
    await t.send(message(ALEX, 'my status'));
    await eventually(() => expect(cardText(cardsTo(ALEX, 'Your status').at(-1))).toContain('This month 105 of 90 minutes'));
    const claims = await world.relationships.claimsForMonth('2026-11');
    expect(claims.map((c) => [c.value.amountPence, c.value.state])).toEqual([[450, 'submitted']]);
    const adeleForm = await meetingForm(ADELE);
    expect(
      await logged(ADELE, { ...adeleForm, date: '2026-11-02', minutes: '30', mode: 'inPerson', focus: 'Getting to know each other', refreshmentAmount: '3', refreshmentPurpose: 'Hot chocolate' }),
    ).toContain('30 of 90 minutes');
  });

  it('nudges near month end only the mentor under 90 minutes, once', async () => {
    clock = new Date('2026-11-25T10:00:00Z');
    await eventually(() => expect(cardsTo(ADELE, 'A gentle reminder')).toHaveLength(1));
    await pause(2500);
    expect(cardsTo(ADELE, 'A gentle reminder')).toHaveLength(1);
    expect(cardText(cardsTo(ADELE, 'A gentle reminder')[0])).toContain('30 of the 90 minutes');
    expect(cardsTo(ALEX, 'A gentle reminder')).toHaveLength(0);
    expect(cardsTo(ISAIAH, 'two months running')).toHaveLength(0);
  });

  it('takes a claim through approval to paid, refuses to change it after, and exports the month', async () => {
    const list = await t.send(action(ISAIAH, 'claimsForMonth', { month: '2026-11' }));
    expect(textOf(invokeCard(list))).toContain('Alex Wilber');
    const claim = (await world.relationships.claimsForMonth('2026-11')).find((c) => c.value.mentorId === ALEX.id)!.value;
    const adeles = (await world.relationships.claimsForMonth('2026-11')).find((c) => c.value.mentorId === ADELE.id)!.value;
    const adelesRef = { matchId: adeles.matchId, claimId: adeles.id, month: '2026-11' };
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...adelesRef, decision: 'reject' }))))).toContain('give the mentor a reason');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...adelesRef, decision: 'reject', [`reason:${adeles.id}`]: 'Not a scheme meeting' }))))).toContain('Status: rejected (Not a scheme meeting)');
    await eventually(() => expect(cardsTo(ADELE, 'was not approved')).toHaveLength(1));
    expect(cardText(cardsTo(ADELE, 'was not approved')[0])).toContain('Reason: Not a scheme meeting');
    const ref = { matchId: claim.matchId, claimId: claim.id, month: '2026-11' };
    expect(textOf(invokeCard(await t.send(action(ALEX, 'decideClaim', { ...ref, decision: 'approve' }))))).toContain('Only the scheme coordinators');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...ref, decision: 'pay' }))))).toContain('cannot be marked paid');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...ref, decision: 'approve' }))))).toContain('Status: approved');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...ref, decision: 'pay' }))))).toContain('Status: paid');
    const again = textOf(invokeCard(await t.send(action(ISAIAH, 'decideClaim', { ...ref, decision: 'approve' }))));
    expect(again).toContain('cannot be marked approved');
    expect((await world.relationships.getClaim(claim.matchId, claim.id))?.value).toMatchObject({ state: 'paid', amountPence: 450, paidBy: ISAIAH.name });
    const exported = invokeCard(await t.send(action(ISAIAH, 'exportClaims', { month: '2026-11' })));
    const csv = JSON.stringify(exported).match(/"id":"csv"[^}]*"value":"([^"]*)"/)?.[1] ?? JSON.stringify(exported);
    expect(csv).toContain('Claim,Date,Mentor,Amount (GBP),What it was for,Note,Status,Approved by,Paid on');
    expect(csv).toContain(`${claim.id},2026-11-02,Alex Wilber,4.50,Two coffees,,paid,Isaiah Langer,2026-11-25`);
    expect(textOf(invokeCard(await t.send(action(ALEX, 'exportClaims', { month: '2026-11' }))))).toContain('Only the scheme coordinators');
  });

  it('tells the coordinator after two months running under 90, about that mentor only, once', async () => {
    clock = new Date('2026-12-27T10:00:00Z');
    await eventually(() => expect(cardsTo(ADELE, 'A gentle reminder')).toHaveLength(2));
    await eventually(() => expect(cardsTo(ALEX, 'A gentle reminder')).toHaveLength(1));
    expect(cardsTo(ISAIAH, 'two months running')).toHaveLength(0);
    clock = new Date('2027-01-04T10:00:00Z');
    await eventually(() => expect(cardsTo(ISAIAH, 'two months running')).toHaveLength(1));
    await pause(2500);
    const alerts = cardsTo(ISAIAH, 'two months running');
    expect(alerts).toHaveLength(1);
    expect(cardText(alerts[0])).toContain('Adele Vance');
    expect(cardText(alerts[0])).toContain('November 2026 30 minutes');
  });

  it('stores an urgent concern, shows the mentor the numbers at once, re-notifies until acknowledged', async () => {
    await t.send(message(ALEX, 'support'));
    const form = await firstCardWith(ALEX, 'Ask the Leaving Care Service');
    const data = actionData(form, 'raiseConcern');
    expect(data.urgency).toBe('urgent safeguarding');
    const shown = textOf(invokeCard(await t.send(action(ALEX, 'raiseConcern', data))));
    expect(shown).toContain('0300 555 0100');
    expect(shown).toContain('Patti Fernandez: 0300 555 0199');
    expect(shown).toContain('999');
    const stored = await world.concerns.get(String(data.concernId));
    expect(stored?.value).toMatchObject({ raisedBy: ALEX.id, urgency: 'urgent safeguarding', notifiedCount: 1 });
    await eventually(() => expect(cardsTo(MEGAN, 'URGENT safeguarding concern')).toHaveLength(1));
    await eventually(() => expect(cardsTo(PATTI, 'URGENT safeguarding concern')).toHaveLength(1));
    expect(cardText(cardsTo(MEGAN, 'URGENT')[0])).toContain('Alex Wilber');
    // Pressed again (a retry): still one concern, nobody told twice.
    await t.send(action(ALEX, 'raiseConcern', data));
    await pause(1500);
    expect(cardsTo(MEGAN, 'URGENT')).toHaveLength(1);

    clock = new Date('2027-01-04T10:16:00Z');
    await eventually(() => expect(cardsTo(MEGAN, 'Still not acknowledged')).toHaveLength(1));
    await eventually(() => expect(cardsTo(PATTI, 'Still not acknowledged')).toHaveLength(1));

    const ack = actionData(cardsTo(MEGAN, 'Still not acknowledged')[0], 'acknowledgeConcern');
    expect(textOf(invokeCard(await t.send(action(GRADY, 'acknowledgeConcern', ack))))).toContain('Only someone this concern was sent to');
    expect(textOf(invokeCard(await t.send(action(MEGAN, 'acknowledgeConcern', ack))))).toContain('Acknowledged by Megan Bowen');
    expect((await world.concerns.get(String(data.concernId)))?.value).toMatchObject({ acknowledgedBy: MEGAN.id, notifiedCount: 2 });
    expect(textOf(invokeCard(await t.send(action(PATTI, 'acknowledgeConcern', ack))))).toContain('Acknowledged by Megan Bowen');
    await eventually(() => expect(cardsTo(ALEX, 'Your concern has been picked up')).toHaveLength(1));
    expect(cardText(cardsTo(ALEX, 'picked up')[0])).toContain('Megan Bowen');
    // The service manager's card changes in place to say who has it.
    await eventually(() =>
      expect(t.connector.to(conversationOf(PATTI)).filter((a) => a.kind === 'update' && cardText(a).includes('Acknowledged by Megan Bowen'))).toHaveLength(1),
    );

    clock = new Date('2027-01-04T10:40:00Z');
    await pause(2500);
    expect(cardsTo(MEGAN, 'URGENT')).toHaveLength(2);
    expect(cardsTo(PATTI, 'URGENT')).toHaveLength(2);
  });

  it('sends a request for support from anyone to the Leaving Care Team (the coordinators), once', async () => {
    await t.send(message(GRADY, 'support'));
    const form = await firstCardWith(GRADY, 'Ask the Leaving Care Service');
    const asked = textOf(invokeCard(await t.send(action(GRADY, 'raiseConcern', { ...actionData(form, 'raiseConcern'), urgency: 'support' }))));
    expect(asked).toContain('The Leaving Care Team will contact you');
    await eventually(() => expect(cardsTo(ISAIAH, 'asks for support')).toHaveLength(1));
    expect(cardText(cardsTo(ISAIAH, 'asks for support')[0])).toContain('Grady Archie');
    clock = new Date('2027-01-04T11:30:00Z');
    await pause(2500);
    expect(cardsTo(ISAIAH, 'asks for support')).toHaveLength(1);
    expect(cardsTo(MEGAN, 'asks for support')).toHaveLength(0);
  });

  it('ends a match that broke down, after a confirmation: the young person goes back on the list, the mentor can be matched again', async () => {
    const form = invokeCard(await t.send(action(ADELE, 'endForm', { matchId: ADELE_MATCH })));
    expect(textOf(form)).toContain('It broke down');
    expect(textOf(invokeCard(await t.send(action(ADELE, 'endMatch', { matchId: ADELE_MATCH }))))).toContain('choose why the match is ending');
    expect(textOf(invokeCard(await t.send(action(GRADY, 'endMatch', { matchId: ADELE_MATCH, reason: 'relationshipBrokeDown' }))))).toContain('Only the mentor in this match');
    const chosen = { matchId: ADELE_MATCH, reason: 'relationshipBrokeDown', mentorNext: 'offerAgain', note: '' };
    const confirm = invokeCard(await t.send(action(ADELE, 'endMatch', chosen)));
    expect(textOf(confirm)).toContain('Are you sure?');
    expect((await world.relationships.get(ADELE_MATCH))?.value.status).toBe('active');

    const ended = textOf(invokeCard(await t.send(action(ADELE, 'endMatch', { ...chosen, confirmed: true }))));
    expect(ended).toContain('the relationship was not working out');
    const youngPeopleTable = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! }).table(`${t.env.TABLE_PREFIX}YoungPeople`);
    const row = await youngPeopleTable.getEntity<{ status: string }>('yp-adele', 'youngPerson');
    expect(row.status).toBe('waiting');
    expect(await world.youngPeople.getMatch('yp-adele', ADELE_MATCH)).toMatchObject({ status: 'ended', endedOn: '2027-01-04' });
    expect((await world.records.get(ADELE.id))?.value.activeMatches).toEqual([]);
    expect((await world.mentors.get(ADELE.id))?.value.stage).toBe('profileComplete');
    const mentorsTable = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! }).table(`${t.env.TABLE_PREFIX}Mentors`);
    const audit: string[] = [];
    for await (const entity of mentorsTable.listEntities<{ action: string }>({ queryOptions: { filter: odata`PartitionKey eq ${ADELE.id} and action ne ${''}` } })) {
      audit.push(entity.action);
    }
    expect(audit).toEqual(expect.arrayContaining(['recordFirstMeeting', 'endMatch', 'offerAgain']));
    await eventually(() => expect(cardsTo(ISAIAH, 'The match has ended')).toHaveLength(1));
    expect(cardText(cardsTo(ISAIAH, 'The match has ended')[0])).toContain('back on the matching list');
    // Pressed again: nothing more happens.
    expect(textOf(invokeCard(await t.send(action(ADELE, 'endMatch', { ...chosen, confirmed: true }))))).toContain('The match has ended');
    await pause(1000);
    expect(cardsTo(ISAIAH, 'The match has ended')).toHaveLength(1);
  });

  it("gives the coordinator a month's summary", async () => {
    await t.send(message(ISAIAH, 'summary 2026-11'));
    const summary = cardText(await firstCardWith(ISAIAH, 'Relationships: 2026-11'));
    expect(summary).toContain('Matches running 2');
    expect(summary).toContain('Minutes logged 135');
    expect(summary).toContain('Paid £4.50');
    expect(summary).toContain('Adele Vance: 30 min');
    await t.send(message(ALEX, 'summary'));
    await eventually(() => expect(cardsTo(ALEX, 'Only the scheme coordinators')).toHaveLength(1));
  });

  it('asks mentor and coordinator at six months whether to continue', async () => {
    clock = new Date('2027-05-03T10:00:00Z');
    await eventually(() => expect(cardsTo(ALEX, 'Six-month review')).toHaveLength(1));
    await eventually(() => expect(cardsTo(ISAIAH, 'Six-month review')).toHaveLength(1));
    const data = actionData(cardsTo(ALEX, 'Six-month review')[0], 'answerReview');
    expect(textOf(invokeCard(await t.send(action(ALEX, 'answerReview', data))))).toContain('your answer is recorded');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'answerReview', data))))).toContain('your answer is recorded');
    expect((await world.relationships.get(ALEX_MATCH))?.value.review).toMatchObject({ mentor: 'continue', coordinator: 'continue', recordedAt: clock.toISOString() });
  });

  it('never writes what mentors typed or young people’s details into the log', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(FOCUS);
    expect(logs).not.toContain('Two coffees');
    expect(logs).not.toContain('Hot chocolate');
    expect(logs).not.toContain('Not a scheme meeting');
    expect(logs).not.toContain('yp-adele');
    expect(logs).not.toContain('Jay');
  });
});
