import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ISAIAH, PATTI } from '../../support/people.js';
import { COHORT_SESSIONS, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

/**
 * The coordinator ticks the wrong name on the training register and puts it right: the mentor marked present by mistake
 * is trained for a moment, and the correction takes it back (booked on a training that has taken place), while someone
 * present stays trained.
 */
describe('correcting the training register, over the bot endpoint', () => {
  let t: SessionsTestBot;
  const { training } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 5, installs: [ADELE, PATTI, ISAIAH], approvedMentors: [ADELE, PATTI] });
  });
  afterAll(() => t.stopAll());

  const { cardWith, lastCardTo } = inboxOf(() => t);
  const stageOf = async (person: { id: string }) => (await t.mentors.get(person.id))?.value.stage;
  const mark = async (marks: Record<string, 'true' | 'false'>) =>
    textOf(invokeCard(await t.send(action(ISAIAH, 'recordAttendance', { sessionId: training, ...Object.fromEntries(Object.entries(marks).map(([id, v]) => [`present.${id}`, v])) }))));

  it('books both mentors on the training, then the day passes', async () => {
    for (const person of [ADELE, PATTI]) {
      expect(textOf(invokeCard(await t.send(action(person, 'bookSession', { sessionId: training }))))).toContain('You are booked on');
      await eventually(async () => expect(await stageOf(person)).toBe('booked'));
    }
    t.advance(Date.UTC(t.year, 10, 30, 18, 0) - Date.now());
    await t.send(message(ISAIAH, 'attendance'));
    await cardWith(ISAIAH, 'Attendance: Mentor training');
  });

  it('trains both when both are marked present', async () => {
    expect(await mark({ [ADELE.id]: 'true', [PATTI.id]: 'true' })).toContain('Attendance saved: 2 present');
    await eventually(async () => expect(await stageOf(ADELE)).toBe('trained'));
    await eventually(async () => expect(await stageOf(PATTI)).toBe('trained'));
  });

  it('takes "trained" back from the one marked absent on correction, and leaves the other trained', async () => {
    expect(await mark({ [ADELE.id]: 'true', [PATTI.id]: 'false' })).toContain('Attendance saved: 1 present');
    await eventually(async () => expect(await stageOf(PATTI)).toBe('booked'));
    expect(await stageOf(ADELE)).toBe('trained');
    await t.send(message(PATTI, 'my status'));
    expect(lastCardTo(PATTI)).toContain('booked on training');
  });

  it('trains her again when the register is put back, and a repeat changes nothing', async () => {
    expect(await mark({ [PATTI.id]: 'true' })).toContain('Attendance saved: 2 present');
    await eventually(async () => expect(await stageOf(PATTI)).toBe('trained'));
    const etag = (await t.mentors.get(PATTI.id))!.etag;
    expect(await mark({ [PATTI.id]: 'true' })).toContain('Attendance saved: 2 present');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await t.mentors.get(PATTI.id))!.etag).toBe(etag);
  });
});
