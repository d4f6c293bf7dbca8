import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Match } from '../../../src/matching/domain/index.js';
import type { Mentor } from '../../../src/journey/domain/index.js';
import { youngPerson } from '../../matching/domain/fixtures.js';
import { startRelationshipBot, type RelationshipBot } from '../../support/relationship-bot.js';
import { eventually, pause } from '../../support/eventually.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, type TestPerson } from '../../support/people.js';
import { cardText, textOf, type SentActivity } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, message, type TestBot } from '../../support/test-bot.js';

const NOTE = 'We never found a rhythm';

/** Every way out of a match, commitment that reads the same everywhere, pauses, and support at once (issue 14). */
describe('endings, commitment and support over the bot endpoint, on a moving clock', () => {
  let world: RelationshipBot;
  let t: TestBot;
  let clock = new Date('2026-11-02T10:00:00Z');

  const status = async (youngPersonId: string) => (await world.youngPeople.get(youngPersonId, { reader: ISAIAH, purpose: 'view' }))?.value;

  let alexMatch = '';
  let adeleMatch = '';
  let meganMatch = '';
  let gradyMatch = '';

  beforeAll(async () => {
    world = await startRelationshipBot(
      { SUPPORT_SERVICE_MANAGER_IDS: ISAIAH.id, SERVICE_MANAGER_NAME: 'Isaiah Langer' },
      () => clock,
    );
    t = world.t;
    // Waiting since January: without "first in line" she would come before anyone back on the list.
    await world.youngPeople.commit({ youngPersonId: 'yp-robin', youngPerson: { value: youngPerson({ id: 'yp-robin', firstName: 'Robin', reference: 'LC-0007' }) }, audit: [], effects: [] });
    alexMatch = await world.matched(ALEX, { id: 'yp-jay', createdAt: '2026-03-01T00:00:00.000Z' });
    adeleMatch = await world.matched(ADELE, { id: 'yp-kim', firstName: 'Kim', reference: 'LC-0101' }, { startedOn: '2026-11-10' });
    meganMatch = await world.matched(MEGAN, { id: 'yp-lee', firstName: 'Lee', reference: 'LC-0202' });
    gradyMatch = await world.matched(GRADY, { id: 'yp-max', firstName: 'Max', reference: 'LC-0303' });
  });
  afterAll(() => t?.stop());

  const sent = (person: TestPerson) => t.connector.to(conversationOf(person)).filter((a) => a.kind === 'send');
  const cardsTo = (person: TestPerson, words: string) => sent(person).filter((a) => cardText(a).includes(words));
  const latestWith = (person: TestPerson, words: string, after = 0) =>
    eventually(() => {
      const found = sent(person).slice(after).filter((a) => cardText(a).includes(words)).at(-1);
      if (!found) throw new Error(`no card with "${words}" yet`);
      return found;
    });
  const act = async (person: TestPerson, verb: string, data: Record<string, unknown>) => invokeCard(await t.send(action(person, verb, data)));
  const say = async (person: TestPerson, text: string, words: string) => {
    const before = sent(person).length;
    await t.send(message(person, text));
    return latestWith(person, words, before);
  };

  function actions(content: unknown): Array<{ verb?: string; title?: string; data?: Record<string, unknown>; mode?: string }> {
    const found: Array<{ verb?: string; title?: string; data?: Record<string, unknown>; mode?: string }> = [];
    JSON.parse(JSON.stringify(content ?? {}), (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'Action.Execute') found.push(value as { verb?: string; data?: Record<string, unknown> });
      return value;
    });
    return found;
  }
  const contentOf = (activity: SentActivity) => activity.activity.attachments?.[0]?.content;

  it('shows 999, the duty line and the service manager on the support card at once, then the two routes; the duty contact gets the phone number', async () => {
    const form = await say(ALEX, 'support', 'Ask the Leaving Care Service');
    const content = contentOf(form) as { body: unknown[] };
    const shown = textOf(content.body);
    expect(shown).toContain('999');
    expect(shown).toContain('0300 555 0100');
    expect(shown).toContain('Isaiah Langer: 0300 555 0199');
    // The numbers come before the buttons: nobody has to press anything to see them.
    expect(actions(content).map((each) => each.title)).toEqual(['Urgent safeguarding concern', 'Ask for support']);
    const urgent = actions(content)[0]!.data!;
    await act(ALEX, 'raiseConcern', urgent);
    await eventually(() => expect(cardsTo(MEGAN, 'URGENT safeguarding concern')).toHaveLength(1));
    const duty = cardText(cardsTo(MEGAN, 'URGENT safeguarding concern')[0]);
    expect(duty).toContain('Phone 07700 900456');
    expect(duty).toContain('Alex Wilber');
  });

  it('counts the month a match starts the same way on the mentor’s card, the nudge and the summary: not at all, unless it starts on the 1st', async () => {
    const card = cardText(await say(ADELE, 'my match', 'Your match'));
    expect(card).toContain('your first part month is not counted; the 90 minutes count from December 2026');
    expect(cardText(await say(ALEX, 'my match', 'Your match'))).toContain('0 of 90 minutes');
  });

  it('pauses the commitment count while the young person is paused, and restarts it after', async () => {
    const paused = textOf(await act(ISAIAH, 'changeYoungPersonStatus', { youngPersonId: 'yp-max', event: 'pause' }));
    expect(paused).toContain('Paused');
    expect(paused).toContain('paused since');
    expect((await status('yp-max'))?.status).toBe('matched');
    expect(await world.youngPeople.getMatch('yp-max', gradyMatch)).toMatchObject({ status: 'active', pausedSince: clock.toISOString() });
    expect(cardText(await say(GRADY, 'my status', 'Your status'))).toContain('not counted: the match is paused this month');

    clock = new Date('2026-11-26T10:00:00Z');
    // The mentors whose month counts are nudged (the job has run); the paused match and the part month are not.
    await eventually(() => expect(cardsTo(ALEX, 'A gentle reminder')).toHaveLength(1));
    await eventually(() => expect(cardsTo(MEGAN, 'A gentle reminder')).toHaveLength(1));
    await pause(2500);
    expect(cardsTo(GRADY, 'A gentle reminder')).toHaveLength(0);
    expect(cardsTo(ADELE, 'A gentle reminder')).toHaveLength(0);

    const summary = cardText(await say(ISAIAH, 'summary 2026-11', 'Relationships: 2026-11'));
    expect(summary).toContain('Under 90 minutes 2');
    expect(summary).toContain('Adele Vance: 0 min, month 0 (month not counted)');
    expect(summary).toContain('Grady Archie: 0 min, month 0 (month not counted)');
    expect(summary).toContain('Alex Wilber: 0 min, month 0 (under 90)');

    expect(textOf(await act(ISAIAH, 'changeYoungPersonStatus', { youngPersonId: 'yp-max', event: 'resume' }))).toContain('Resumed');
    expect((await world.youngPeople.getMatch('yp-max', gradyMatch))?.pausedSince).toBeUndefined();
    clock = new Date('2026-11-28T10:00:00Z');
    await pause(2000);
    expect(cardsTo(GRADY, 'A gentle reminder')).toHaveLength(0);
    clock = new Date('2026-12-26T10:00:00Z');
    await eventually(() => expect(cardsTo(GRADY, 'A gentle reminder')).toHaveLength(1));
    await eventually(() => expect(cardsTo(ADELE, 'A gentle reminder')).toHaveLength(1));
    expect(cardText(cardsTo(GRADY, 'A gentle reminder')[0])).toContain('0 of 90 minutes');
  });

  it('prompts the coordinator to check in with a new mentor at two and four weeks, each once, and logs it in one press', async () => {
    await eventually(() => expect(cardsTo(ISAIAH, 'Check in with Alex Wilber').map(cardText).filter((text) => text.includes('four weeks ago'))).toHaveLength(1));
    const prompts = cardsTo(ISAIAH, 'Check in with Alex Wilber');
    expect(prompts.map(cardText).filter((text) => text.includes('two weeks ago'))).toHaveLength(1);
    expect(prompts).toHaveLength(2);
    const press = actions(contentOf(prompts.at(-1)!)).find((each) => each.verb === 'logCheckIn')!;
    expect(press.title).toBe('Checked in with Alex Wilber');
    expect(textOf(await act(ALEX, 'logCheckIn', press.data!))).toContain('Only the scheme coordinators');
    expect(textOf(await act(ISAIAH, 'logCheckIn', { ...press.data!, key: '../x' }))).toContain('could not be read');
    expect((await world.relationships.get(alexMatch))?.value.checkIns?.logged ?? []).toEqual([]);
    expect(textOf(await act(ISAIAH, 'logCheckIn', press.data!))).toContain('Checked in: logged by Isaiah Langer');
    expect(textOf(await act(ISAIAH, 'logCheckIn', press.data!))).toContain('Checked in: logged by Isaiah Langer');
    expect((await world.relationships.get(alexMatch))?.value.checkIns?.logged).toEqual([{ key: 'week4', at: clock.toISOString(), by: { id: ISAIAH.id, name: ISAIAH.name } }]);
    await pause(1500);
    expect(cardsTo(ISAIAH, 'Check in with Alex Wilber')).toHaveLength(2);
  });

  it('lets the mentor end the match with "end match": bad input changes nothing, a confirmation comes first, the key adult is named', async () => {
    clock = new Date('2026-12-28T10:00:00Z');
    const form = await say(ALEX, 'end match', 'End the match');
    expect(cardText(form)).toContain('It broke down');
    expect(cardText(form)).toContain('The young person no longer wants a mentor');
    expect(cardText(form)).not.toContain('A safeguarding decision');
    const ref = actions(contentOf(form)).find((each) => each.verb === 'endMatch')!.data!;

    const empty = textOf(await act(ALEX, 'endMatch', ref));
    expect(empty).toContain('Please choose why the match is ending.');
    expect(empty).toContain('matched again or to step down');
    expect(textOf(await act(ALEX, 'endMatch', { ...ref, reason: 'safeguardingDecision', mentorNext: 'offerAgain' }))).toContain('recorded by the Leaving Care Service');
    expect(textOf(await act(ALEX, 'endMatch', { ...ref, reason: 'termComplete', mentorNext: 'offerAgain' }))).toContain('not complete until 6 months');
    const hidden = await act(ALEX, 'endMatch', { ...ref, reason: 'relationshipBrokeDown', mentorNext: 'offerAgain', note: 'fine\u202Eenif' });
    expect(textOf(hidden)).toContain('hidden characters');
    expect(JSON.stringify(hidden)).toContain('"value":"relationshipBrokeDown"');
    expect(textOf(await act(ALEX, 'endMatch', { ...ref, reason: 'bored', mentorNext: 'offerAgain' }))).toContain('Please choose why');
    expect((await world.relationships.get(alexMatch))?.value.status).toBe('active');
    expect((await world.youngPeople.getMatch('yp-jay', alexMatch))?.status).toBe('active');

    const chosen = { ...ref, reason: 'relationshipBrokeDown', mentorNext: 'offerAgain', note: NOTE };
    const confirm = await act(ALEX, 'endMatch', chosen);
    expect(textOf(confirm)).toContain('This ends your match with Jay.');
    expect(textOf(confirm)).toContain("Sam Patel, Jay's personal adviser, will tell Jay.");
    expect(textOf(confirm)).toContain('first in line');
    expect((await world.relationships.get(alexMatch))?.value.status).toBe('active');
    const confirmData = actions(confirm).find((each) => each.title === 'End the match')!.data!;
    const back = actions(confirm).find((each) => each.title === 'Go back')!;
    const again = await act(ALEX, back.verb!, back.data!);
    expect(JSON.stringify(again)).toContain(`"value":"${NOTE}"`);
    expect((await world.relationships.get(alexMatch))?.value.status).toBe('active');

    const ended = textOf(await act(ALEX, 'endMatch', confirmData));
    expect(ended).toContain('the relationship was not working out');
    expect(ended).not.toContain(NOTE);
    // Pressed again (a retry): the same ending, told once.
    expect(textOf(await act(ALEX, 'endMatch', confirmData))).toContain('The match has ended');

    const told = await latestWith(ISAIAH, "Alex Wilber's match with Jay (LC-0042) ended because the relationship broke down");
    expect(cardText(told)).toContain('first in line');
    expect(cardText(told)).toContain('Sam Patel, Jay\'s personal adviser (01709 123456), will tell Jay');
    expect(cardText(told)).toContain(NOTE);
    await pause(1000);
    expect(cardsTo(ISAIAH, "Alex Wilber's match with Jay")).toHaveLength(1);
  });

  it('puts the young person back first in line, keeps the history for the coordinator, and refuses meetings after the end', async () => {
    expect((await status('yp-jay'))?.status).toBe('waiting');
    const picker = textOf(contentOf(await say(ISAIAH, 'match', 'Match a young person')));
    expect(picker.indexOf('Jay (LC-0042)')).toBeGreaterThan(-1);
    expect(picker.indexOf('Jay (LC-0042)')).toBeLessThan(picker.indexOf('Robin (LC-0007)'));
    const record = textOf(await act(ISAIAH, 'viewYoungPerson', { youngPersonId: 'yp-jay' }));
    expect(record).toContain('first in line');
    expect(record).toContain('Earlier match');
    expect(record).toContain('It broke down');
    expect(textOf(await act(ALEX, 'meetingForm', { matchId: alexMatch }))).toContain('no active match');
    expect((await world.records.get(ALEX.id))?.value.activeMatches).toEqual([]);
    expect((await world.mentors.get(ALEX.id))?.value.stage).toBe('profileComplete');
  });

  it('asks both sides for short feedback at the end (the young person’s through their key adult), kept for the coordinator’s report', async () => {
    const asked = await latestWith(ALEX, 'How did your match go?');
    const send = actions(contentOf(asked)).find((each) => each.verb === 'giveFeedback')!;
    const refused = textOf(await act(ALEX, 'giveFeedback', { ...send.data!, howItWent: 'brilliant', comment: 'x'.repeat(301) }));
    expect(refused).toContain('Please say how the match went.');
    expect(refused).toContain('Please say whether you would mentor again.');
    expect(refused).toContain('300 or fewer');
    expect((await world.relationships.get(alexMatch))?.value.feedback).toBeUndefined();
    expect(textOf(await act(GRADY, 'giveFeedback', { ...send.data!, howItWent: 'mixed', again: 'yes' }))).toContain("Only the match's mentor");
    expect(textOf(await act(ALEX, 'giveFeedback', { ...send.data!, howItWent: 'mixed', again: 'yes', comment: 'Worth trying again' }))).toContain('Thank you');
    expect(textOf(await act(ALEX, 'giveFeedback', { ...send.data!, howItWent: 'didNotGoWell', again: 'no' }))).toContain('already recorded');

    const forYoungPerson = await latestWith(ISAIAH, "Jay's feedback on the match");
    expect(cardText(forYoungPerson)).toContain('Ask Sam Patel to pass on how Jay found the match with Alex Wilber');
    expect(JSON.stringify(contentOf(forYoungPerson))).toContain('Would they like a mentor again?');
    const record = actions(contentOf(forYoungPerson)).find((each) => each.verb === 'giveFeedback')!;
    expect(textOf(await act(ISAIAH, 'giveFeedback', { ...record.data!, howItWent: 'didNotGoWell', again: 'yes' }))).toContain("The young person's feedback is recorded.");
    expect((await world.relationships.get(alexMatch))?.value.feedback).toMatchObject({
      mentor: { howItWent: 'mixed', again: 'yes', comment: 'Worth trying again', by: { id: ALEX.id } },
      youngPerson: { howItWent: 'didNotGoWell', again: 'yes', comment: '', by: { id: ISAIAH.id } },
    });
    const report = cardText(await say(ISAIAH, 'feedback', 'Feedback on ended matches'));
    expect(report).toContain('Alex Wilber, ended Mon 28 Dec 2026: It broke down');
    expect(report).toContain('Mentor Mixed; again: yes. "Worth trying again"');
    expect(report).toContain('Young person It did not go well; again: yes');
    expect(cardText(await say(ALEX, 'feedback', 'Only the scheme coordinators'))).not.toContain('Worth trying again');
  });

  it('lets the coordinator end a match from "end match"; the mentor is told in words that fit the reason, and steps down', async () => {
    const list = await say(ISAIAH, 'end match', 'End a match');
    const endButton = actions(contentOf(list)).find((each) => each.title === "End Adele Vance's match…")!;
    const form = await act(ISAIAH, endButton.verb!, endButton.data!);
    expect(textOf(form)).toContain('A safeguarding decision');
    expect(textOf(form)).not.toContain('And then');
    const confirm = await act(ISAIAH, 'endMatch', { matchId: adeleMatch, reason: 'youngPersonNoLongerWants', note: 'Said so to her PA' });
    expect(textOf(confirm)).toContain("This ends Adele Vance's match with Kim (LC-0101).");
    expect(textOf(confirm)).toContain('Adele Vance is told');
    const data = actions(confirm).find((each) => each.title === 'End the match')!.data!;
    expect(textOf(await act(GRADY, 'endMatch', data))).toContain('Only the mentor in this match or a scheme coordinator');
    expect((await world.relationships.get(adeleMatch))?.value.status).toBe('active');
    expect(textOf(await act(ISAIAH, 'endMatch', data))).toContain('the young person no longer wants a mentor');

    const toAdele = await latestWith(ADELE, 'The match has ended');
    expect(cardText(toAdele)).toContain('Kim has decided they no longer want a mentor');
    expect(cardText(toAdele)).toContain('it says nothing about you');
    expect(cardText(toAdele)).toContain("Sam Patel, Kim's personal adviser, will tell Kim.");
    expect(cardText(toAdele)).not.toContain('Said so');
    expect(cardText(toAdele)).not.toContain('01709 123456');
    const stepDown = actions(contentOf(toAdele)).find((each) => each.title === 'Step down')!;
    expect(stepDown.mode).toBe('secondary');
    expect(textOf(await act(ADELE, stepDown.verb!, stepDown.data!))).toContain('stepped down');
    await eventually(async () => expect((await world.mentors.get(ADELE.id))?.value.stage).toBe('withdrawn'));
    expect((await status('yp-kim'))?.status).toBe('closed');
  });

  it('ends a running match first, after a confirmation, when the coordinator closes the record; every count agrees after', async () => {
    const refused = await act(ISAIAH, 'changeYoungPersonStatus', { youngPersonId: 'yp-lee', event: 'close' });
    expect(textOf(refused)).toContain('Lee has a match running');
    expect((await status('yp-lee'))?.status).toBe('matched');
    expect((await world.youngPeople.getMatch('yp-lee', meganMatch))?.status).toBe('active');
    const close = actions(refused).find((each) => each.title === 'Close')!;
    expect(close).toMatchObject({ verb: 'endForm', mode: 'secondary', data: { matchId: meganMatch, closeRecord: true } });

    expect(textOf(await act(MEGAN, 'endMatch', { matchId: meganMatch, reason: 'relationshipBrokeDown', closeRecord: true, confirmed: true }))).toContain('Only the scheme coordinators can close');
    expect((await world.relationships.get(meganMatch))?.value.status).toBe('active');

    expect(textOf(await act(MEGAN, close.verb!, close.data!))).toContain('Only the scheme coordinators can close');
    expect(textOf(await act(ISAIAH, close.verb!, close.data!))).toContain('Close the record: end the match first');
    const confirm = await act(ISAIAH, 'endMatch', { ...close.data!, reason: 'relationshipBrokeDown' });
    expect(textOf(confirm)).toContain('Lee will not be matched again; their record closes.');
    const data = actions(confirm).find((each) => each.title === 'End the match and close the record')!.data!;
    expect(textOf(await act(ISAIAH, 'endMatch', data))).toContain('record was closed');

    expect((await status('yp-lee'))?.status).toBe('closed');
    expect((await world.youngPeople.getMatch('yp-lee', meganMatch))).toMatchObject({ status: 'ended', endReason: 'relationshipBrokeDown' });
    expect((await world.records.get(MEGAN.id))?.value.activeMatches).toEqual([]);
    await eventually(() => expect(cardsTo(MEGAN, 'The match has ended')).toHaveLength(1));
    expect(cardText(cardsTo(MEGAN, 'The match has ended')[0])).toContain('Your match with Lee has ended');
    expect(textOf(await act(MEGAN, 'meetingForm', { matchId: meganMatch }))).toContain('no active match');
    // A form drawn before the end, submitted after it: refused, and nothing written.
    expect(textOf(await act(MEGAN, 'logMeeting', { matchId: meganMatch, logId: 'log-after-end', date: '2026-12-27', minutes: '60', mode: 'inPerson', focus: 'Catch up' }))).toContain('no active match');
    expect(await world.relationships.meetings(meganMatch)).toEqual([]);

    // The summary, the pipeline and the mentors' allowances count the same matches.
    const summary = cardText(await say(ISAIAH, 'summary', 'Relationships: 2026-12'));
    expect(summary).toContain('Matches running 1');
    expect(summary).toContain('Ended this month 3');
    const pipeline = cardText(await say(ISAIAH, 'pipeline', 'Scheme pipeline'));
    const youngPeopleCounts = pipeline.slice(pipeline.indexOf('Young people'));
    expect(youngPeopleCounts).toContain('matched 1');
    expect(youngPeopleCounts).toContain('closed 2');
    let holding = 0;
    for (const person of [ALEX, ADELE, MEGAN, GRADY]) holding += (await world.records.get(person.id))?.value.activeMatches.length ?? 0;
    expect(holding).toBe(1);
  });

  it('never writes notes or young people’s details into the log', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [NOTE, 'Said so to her PA', 'Sam Patel', 'LC-0042', 'yp-jay', 'Kim', '07700 900456']) expect(logs).not.toContain(secret);
  });
});
