import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ISAIAH, PATTI } from '../../support/people.js';
import { COHORT_SESSIONS, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

interface ChoiceSet {
  readonly id: string;
  readonly value: string;
  readonly isMultiSelect?: boolean;
  readonly style?: string;
  readonly choices: Array<{ title: string; value: string }>;
}

/** The input with this id anywhere in a card. */
function inputOf(card: unknown, id: string): ChoiceSet {
  let found: ChoiceSet | undefined;
  JSON.stringify(card, (key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { id?: unknown }).id === id) found = value as ChoiceSet;
    return value;
  });
  if (!found) throw new Error(`no input ${id} on the card`);
  return found;
}

/**
 * Attendance is one card: a picker of the sessions that have started (newest first) and a tick list of who had a place
 * on the chosen one. Saving records the ticks, taking a tick off records the person absent (and takes "trained" back),
 * and picking another session answers the card for it.
 */
describe('the one attendance card, over the bot endpoint', () => {
  let t: SessionsTestBot;
  const { training, information } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 5, installs: [ADELE, PATTI, ISAIAH], approvedMentors: [ADELE, PATTI] });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, cardWith } = inboxOf(() => t);
  const stageOf = async (person: { id: string }) => (await t.mentors.get(person.id))?.value.stage;
  const save = async (sessionId: string, shown: string[], ticked: string[]) =>
    invokeCard(await t.send(action(ISAIAH, 'recordAttendance', { sessionId, people: shown, 'attendance.present': ticked.join(','), 'attendance.session': sessionId })));

  it('sends one card with both past sessions in the picker, newest first, and a tick list of who was booked', async () => {
    for (const person of [ADELE, PATTI]) {
      expect(textOf(invokeCard(await t.send(action(person, 'bookSession', { sessionId: training }))))).toContain('You are booked on');
      await eventually(async () => expect(await stageOf(person)).toBe('booked'));
    }
    expect(textOf(invokeCard(await t.send(action(PATTI, 'bookSession', { sessionId: information }))))).toContain('You are booked on');
    t.advance(Date.UTC(t.year, 10, 30, 18, 0) - Date.now());
    const before = cardsTo(ISAIAH).length;
    await t.send(message(ISAIAH, 'attendance'));
    const card = await cardWith(ISAIAH, 'Attendance: Mentor training');
    expect(cardsTo(ISAIAH).length - before).toBe(1);
    const picker = inputOf(card.activity, 'attendance.session');
    expect(picker.style).toBe('compact');
    expect(picker.choices.map((c) => c.value)).toEqual([training, information]);
    expect(picker.value).toBe(training);
    const ticks = inputOf(card.activity, 'attendance.present');
    expect(ticks.isMultiSelect).toBe(true);
    expect(ticks.choices.map((c) => c.title).sort()).toEqual([ADELE.name, PATTI.name].sort());
    expect(ticks.value).toBe('');
    expect(cardText(card)).not.toMatch(/say "/i);
  });

  it('records everyone ticked as present and trains them', async () => {
    const card = await save(training, [ADELE.id, PATTI.id], [ADELE.id, PATTI.id]);
    expect(textOf(card)).toContain('Attendance saved: 2 present');
    expect(inputOf(card, 'attendance.present').value.split(',').sort()).toEqual([ADELE.id, PATTI.id].sort());
    await eventually(async () => expect(await stageOf(ADELE)).toBe('trained'));
    await eventually(async () => expect(await stageOf(PATTI)).toBe('trained'));
  });

  it('records someone un-ticked as absent and takes "trained" back, through the same use case', async () => {
    const card = await save(training, [ADELE.id, PATTI.id], [ADELE.id]);
    expect(textOf(card)).toContain('Attendance saved: 1 present');
    expect(inputOf(card, 'attendance.present').value).toBe(ADELE.id);
    await eventually(async () => expect(await stageOf(PATTI)).toBe('booked'));
    expect(await stageOf(ADELE)).toBe('trained');
  });

  it('answers the card for another session when it is picked, with that session chosen', async () => {
    const card = invokeCard(await t.send(action(ISAIAH, 'attendanceForm', { 'attendance.session': information })));
    expect(textOf(card)).toContain('Attendance: Mentoring scheme information session');
    expect(inputOf(card, 'attendance.session').value).toBe(information);
    expect(inputOf(card, 'attendance.present').choices.map((c) => c.value)).toEqual([PATTI.id]);
  });

  it('records an empty tick list as nobody present, and leaves the training as it was', async () => {
    const card = await save(information, [PATTI.id], []);
    expect(textOf(card)).toContain('Attendance saved: 0 present');
    expect(await stageOf(ADELE)).toBe('trained');
    const again = invokeCard(await t.send(action(ISAIAH, 'attendanceForm', { 'attendance.session': training })));
    expect(inputOf(again, 'attendance.present').value).toBe(ADELE.id);
  });

  it('refuses a tick for someone without a place, saying why, and records nothing', async () => {
    const card = await save(training, [ADELE.id, PATTI.id], [ADELE.id, PATTI.id, 'someone-else']);
    expect(textOf(card)).toContain('Attendance can only be recorded for people with a confirmed place.');
    expect(inputOf(card, 'attendance.present').value).toBe(ADELE.id);
    expect(await stageOf(PATTI)).toBe('booked');
  });

  it('refuses the picker to anyone but a coordinator', async () => {
    const card = invokeCard(await t.send(action(PATTI, 'attendanceForm', { 'attendance.session': training })));
    expect(textOf(card)).toContain('That is for the scheme coordinators');
    expect(textOf(card)).not.toContain(ADELE.name);
  });
});
