import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, GRADY, ISAIAH, PATTI } from '../../support/people.js';
import { COHORT_SESSIONS, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

/**
 * Time passing over a cohort: a mentor trained at an extra training leaves the cohort training's waiting list, past
 * sessions fold away from mentors' cards but not the coordinator's, and the reminder a minute before says "today".
 */
describe('sessions as time passes, over the bot endpoint with a controllable clock', () => {
  let t: SessionsTestBot;
  let moved = 0;
  /** Sets the bot's clock (not the test's) to `at`, and lets it run on from there. */
  const moveTo = (at: number) => {
    const by = at - Date.now() - moved;
    t.advance(by);
    moved += by;
  };
  const { training } = COHORT_SESSIONS;
  let extraId = '';
  beforeAll(async () => {
    t = await startSessionsBot({
      seats: 1,
      env: { SCHEDULER_INTERVAL_SECONDS: '1', SESSION_REMINDER_HOURS_BEFORE: '1' },
      installs: [ADELE, ISAIAH, PATTI, GRADY],
      approvedMentors: [ADELE, PATTI, GRADY],
    });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, lastCardTo } = inboxOf(() => t);
  const book = async (person: typeof ADELE, sessionId: string) => textOf(invokeCard(await t.send(action(person, 'bookSession', { sessionId }))));

  it('fills the cohort training and its waiting list, and adds an earlier training', async () => {
    expect(await book(ADELE, training)).toContain('You are booked');
    expect(await book(PATTI, training)).toContain('You are number 1 on the waiting list');
    expect(await book(GRADY, training)).toContain('You are number 2 on the waiting list');
    const form = { kind: 'training', title: 'Extra mentor training', startsAt: `${t.year}-10-15 10:00`, endsAt: `${t.year}-10-15 16:00`, location: 'online', seats: '5' };
    const created = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'createSession', form))));
    expect(created).toContain('Created: Extra mentor training');
    extraId = created.match(/"sessionId":"(session-[^"]+)"/)![1]!;
    expect(await book(PATTI, extraId)).toContain('You are booked on Extra mentor training');
  });

  it('takes a mentor trained at the other session off the cohort waiting list, and the next person moves up', async () => {
    moveTo(Date.UTC(t.year, 9, 15, 15, 30)); // 16:30 in London (BST)
    const saved = textOf(invokeCard(await t.send(action(ISAIAH, 'recordAttendance', { sessionId: extraId, [`present.${PATTI.id}`]: 'true' }))));
    expect(saved).toContain('Attendance saved: 1 present');
    await eventually(async () => expect((await t.mentors.get(PATTI.id))?.value.stage).toBe('trained'));
    await eventually(async () => {
      await t.send(message(GRADY, 'sessions'));
      expect(lastCardTo(GRADY)).toContain('You are number 1 on the waiting list.');
    });
    await t.send(message(ISAIAH, 'sessions'));
    expect(lastCardTo(ISAIAH)).toContain('Waiting list (1): 1. Grady Archie');
  });

  it('folds past sessions away from mentors, while the coordinator still sees them', async () => {
    await t.send(message(GRADY, 'sessions'));
    expect(lastCardTo(GRADY)).not.toContain('Extra mentor training');
    expect(lastCardTo(GRADY)).not.toContain('Closed');
    expect(lastCardTo(GRADY)).toContain(`Mentor training ${t.year} (full day)`);
    await t.send(message(ISAIAH, 'sessions'));
    expect(lastCardTo(ISAIAH)).toContain('Extra mentor training');
    expect(lastCardTo(ISAIAH)).toContain('Booked (1): Patti Fernandez (present)');
  });

  it('reminds a minute before with "today", not "tomorrow"', async () => {
    moveTo(Date.UTC(t.year, 10, 30, 9, 29)); // 09:29 in London (GMT), the training at 09:30
    await eventually(() => expect(lastCardTo(ADELE)).toContain('Reminder: full-day training today at 09:30'), 15_000);
    expect(cardsTo(ADELE).some((activity) => cardText(activity).includes('tomorrow'))).toBe(false);
    expect(cardsTo(GRADY).some((activity) => cardText(activity).includes('Reminder'))).toBe(false);
  });
});
