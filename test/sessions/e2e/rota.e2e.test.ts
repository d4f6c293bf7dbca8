import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEachRefused } from '../../support/refused-forms.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, GRADY, ISAIAH } from '../../support/people.js';
import { startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

const START = Date.parse('2026-12-04T10:00:00Z');

/** The Regulation 33 rota over the bot endpoint: homes and months, a member on each visit, a reminder, the visit done, gaps. */
describe('the Regulation 33 rota, with a controllable clock', () => {
  let t: SessionsTestBot;
  let offset = 0;
  const moveTo = (at: number) => {
    const by = at - (Date.now() + offset);
    t.advance(by);
    offset += by;
  };
  beforeAll(async () => {
    offset = START - Date.now();
    t = await startSessionsBot({ seats: 5, startAt: new Date(START), env: { SCHEDULER_INTERVAL_SECONDS: '1' }, installs: [ADELE, ISAIAH, GRADY] });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, lastCardTo, cardWith } = inboxOf(() => t);
  const answer = async (person: typeof ADELE, verb: string, data: Record<string, unknown> = {}) => textOf(invokeCard(await t.send(action(person, verb, data))));
  const SET_UP = { homes: 'Oak House\nBirch Lodge', fromMonth: '2026-12', toMonth: '2027-02' };

  it('starts with no rota, and refuses a bad set-up, or one by anyone but a coordinator, changing nothing', async () => {
    await t.send(message(ISAIAH, 'rota'));
    expect(lastCardTo(ISAIAH)).toContain('No rota yet');
    expect(JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'rotaSetupForm'))))).toContain("Children's homes to visit, one a line");
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...SET_UP, homes: '' }, 'Please give the homes to visit'],
      [{ ...SET_UP, fromMonth: 'December' }, 'Please give the first month as a year and month'],
      [{ ...SET_UP, fromMonth: '2026-10' }, 'The first month has passed'],
      [{ ...SET_UP, toMonth: '2026-11' }, 'The last month must be the first month or after it'],
      [{ ...SET_UP, homes: 'Oak \u202EHouse' }, 'hidden characters'],
    ];
    await expectEachRefused(t, ISAIAH, 'setUpRota', cases, 'Nothing was changed');
    expect(await answer(GRADY, 'setUpRota', SET_UP)).toContain('That is for the scheme coordinators');
    expect(await answer(GRADY, 'assignRotaVisit', { homeId: 'home-oak-house', month: '2027-01', memberId: GRADY.id })).toContain('That is for the scheme coordinators');
    await t.send(message(ISAIAH, 'rota'));
    expect(lastCardTo(ISAIAH)).toContain('No rota yet');
  });

  it('sets up homes and months, and shows every visit without a member as a gap', async () => {
    const card = await answer(ISAIAH, 'setUpRota', SET_UP);
    expect(card).toContain('Rota updated: 2 homes, 3 months.');
    expect(card).toContain('Gaps in the rota (6)');
    expect(card).toContain('Oak House, December 2026: no member yet');
  });

  it('puts a member on a visit, chosen by name, and tells them; bad choices change nothing', async () => {
    const form = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'rotaAssignForm'))));
    expect(form).toContain('graph.microsoft.com/users');
    expect(form).toContain('January 2027');
    const nobody = await answer(ISAIAH, 'assignRotaVisit', { homeId: 'home-oak-house', month: '2027-01', memberId: '99999999-9999-4999-8999-999999999999' });
    expect(nobody).toContain('that person was not found in the directory');
    const offRota = await answer(ISAIAH, 'assignRotaVisit', { homeId: 'home-oak-house', month: '2027-06', memberId: ADELE.id });
    expect(offRota).toContain('not on the rota');
    const done = await answer(ISAIAH, 'assignRotaVisit', { homeId: 'home-oak-house', month: '2027-01', memberId: ADELE.id });
    expect(done).toContain('Adele Vance is on the visit to Oak House in January 2027, and is being told.');
    expect(done).toContain('Gaps in the rota (5)');
    const told = cardText(await cardWith(ADELE, 'You are on the Regulation 33 rota: Oak House, January 2027'));
    expect(told).toContain('Record the visit as done: Oak House, January 2027');
  });

  it('lets only the member record the visit, and only from its month', async () => {
    const early = await answer(ADELE, 'recordRotaVisit', { homeId: 'home-oak-house', month: '2027-01' });
    expect(early).toContain('it can be recorded from then');
    const other = await answer(GRADY, 'recordRotaVisit', { homeId: 'home-oak-house', month: '2027-01' });
    expect(other).toContain('Only the member on this visit');
  });

  it('reminds the member a week before the month, once', async () => {
    moveTo(Date.parse('2026-12-26T10:00:00Z'));
    await cardWith(ADELE, 'Reminder: your Regulation 33 visit to Oak House is in January 2027');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(cardsTo(ADELE).filter((activity) => cardText(activity).includes('Reminder: your Regulation 33 visit'))).toHaveLength(1);
  });

  it('records the visit in its month, and the coordinator sees it done and the months left unrecorded', async () => {
    moveTo(Date.parse('2027-01-12T10:00:00Z'));
    const recorded = await answer(ADELE, 'recordRotaVisit', { homeId: 'home-oak-house', month: '2027-01' });
    expect(recorded).toContain('Recorded: thank you for the visit.');
    expect(await answer(ADELE, 'recordRotaVisit', { homeId: 'home-oak-house', month: '2027-01' })).toContain('already recorded');
    await t.send(message(ISAIAH, 'rota'));
    const rota = lastCardTo(ISAIAH);
    expect(rota).toContain('Adele Vance (visited; recorded Tue 12 Jan 2027)');
    expect(rota).toContain('Oak House, December 2026: not recorded as done');
    expect(rota).toContain('Birch Lodge, January 2027: no member yet');
    await t.send(message(ADELE, 'rota'));
    expect(lastCardTo(ADELE)).toContain('January 2027: Oak House (visited; recorded Tue 12 Jan 2027)');
  });

  it('never logs who is on the rota', () => {
    expect(t.logs.join('\n')).not.toContain(ADELE.name);
  });
});
