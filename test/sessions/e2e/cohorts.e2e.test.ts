import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COHORT_FORM_2027 } from '../../support/cohort-form.js';
import { expectEachRefused } from '../../support/refused-forms.js';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI } from '../../support/people.js';
import { approvedMentor, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { signUpApproved } from '../../support/sign-up-form.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

/** The day the issue was found: the shipped 2026 cohort's sessions (9 and 30 November) have passed. */
const SHIPPED_DAY = new Date('2026-12-04T10:00:00Z');
const NOT_SET = 'The next information session and training have not been set yet; we will message you as soon as they are.';

/** The "open the next cohort" form as the coordinator sends it, for the 2027 cohort. */
const FORM_2027 = { ...COHORT_FORM_2027, venue: 'Civic Centre, Committee Room 1', seats: '2' };

describe('cohorts year after year, with the shipped configuration on 4 December 2026', () => {
  let t: SessionsTestBot;
  beforeAll(async () => {
    t = await startSessionsBot({
      seats: 30,
      scheme: { file: 'config/scheme.json', year: 2026 },
      startAt: SHIPPED_DAY,
      installs: [ALEX, MEGAN, ADELE, ISAIAH, PATTI, GRADY],
      approvedMentors: [ADELE],
    });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, lastCardTo, cardWith } = inboxOf(() => t);
  const offers = () => cardsTo(ALEX).filter((activity) => cardText(activity).includes('The dates are set'));

  it('opens nothing in the past: the coordinator is told no cohort is open, with the way to open one', async () => {
    await t.send(message(ISAIAH, 'sessions'));
    const [cohorts, sessions] = cardsTo(ISAIAH).slice(-2).map(cardText);
    expect(cohorts).toContain('No cohort is open for booking.');
    expect(cohorts).toContain('Open the next cohort');
    expect(sessions).not.toContain('2026');
    expect(t.logs.join('\n')).toContain("the scheme configuration's cohort has passed");
  });

  it('tells a mentor approved now, plainly, that the dates are not set yet, and shows no closed sessions', async () => {
    await signUpApproved(t, cardWith);
    const told = cardText(await cardWith(ALEX, 'Your sign-up is approved'));
    expect(told).toContain(NOT_SET);
    expect(told).not.toContain('Closed');
    expect(told).not.toContain('Book');
    await t.send(message(ALEX, 'sessions'));
    expect(lastCardTo(ALEX)).toContain(NOT_SET);
    expect(lastCardTo(ALEX)).not.toContain('Closed');
  });

  it('lists the mentors waiting for dates for the coordinator', async () => {
    await t.send(message(ADELE, 'sessions'));
    expect(lastCardTo(ADELE)).toContain(NOT_SET);
    await t.send(message(ISAIAH, 'cohorts'));
    expect(lastCardTo(ISAIAH)).toContain('Waiting for dates (2): Alex Wilber, Adele Vance');
  });

  it('offers the scheme file\'s defaults for the next cohort, in the first year still ahead', async () => {
    await t.send(message(ISAIAH, 'open cohort'));
    const form = JSON.stringify(cardsTo(ISAIAH).at(-1)!.activity);
    for (const [id, value] of [['name', '2027 cohort'], ['informationDate', '2027-11-09'], ['trainingDate', '2027-11-30'], ['trainingStart', '09:30'], ['venue', 'Civic Centre, Committee Room 1']]) {
      expect(form).toContain(`"id":"${id}"`);
      expect(form).toMatch(new RegExp(`"id":"${id}"[^}]*"value":"${value}"`));
    }
    expect(form).toMatch(/"id":"seats"[^}]*"value":30/);
    expect(form).toContain('"type":"Input.Time"');
  });

  it('refuses bad input to the form with a clear message under each field, and opens nothing', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...FORM_2027, name: '' }, 'Please give the cohort a name'],
      [{ ...FORM_2027, name: '\u202Ecohort' }, 'hidden characters'],
      [{ ...FORM_2027, informationDate: '2027-02-30' }, "The information session's date or start is not a real time"],
      [{ ...FORM_2027, trainingDate: '30/11/2027' }, "Please give the training's date"],
      [{ ...FORM_2027, trainingEnd: '08:00' }, 'The training: the end must be after the start'],
      [{ ...FORM_2027, informationDate: '2026-11-09', trainingDate: '2026-11-30' }, 'the start is in the past'],
      [{ ...FORM_2027, trainingDate: '2027-11-01' }, 'The training must come after the information session'],
      [{ ...FORM_2027, seats: '0' }, 'Seats must be a whole number'],
      [{ ...FORM_2027, venue: '' }, 'Please give the venue'],
      [{ ...FORM_2027, closesHoursBefore: '-4' }, 'Booking closes a whole number of hours'],
    ];
    await expectEachRefused(t, ISAIAH, 'openCohort', cases, 'Nothing was opened');
    const refusedName = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'openCohort', { ...FORM_2027, seats: '0' }))));
    expect(refusedName).toMatch(/"id":"name"[^}]*"value":"2027 cohort"/);
    const byMentor = textOf(invokeCard(await t.send(action(ADELE, 'openCohort', FORM_2027))));
    expect(byMentor).toContain('That is for the scheme coordinators');
    await t.send(message(ISAIAH, 'cohorts'));
    expect(lastCardTo(ISAIAH)).toContain('No cohort is open for booking.');
    expect(lastCardTo(ISAIAH)).toContain('Waiting for dates (2)');
    expect(offers()).toHaveLength(0);
  });

  it('opens the next cohort from Teams without a restart, and sends everyone waiting the booking card once', async () => {
    const opened = textOf(invokeCard(await t.send(action(ISAIAH, 'openCohort', FORM_2027))));
    expect(opened).toContain('Opened: 2027 cohort. Approved mentors can book now. The 2 mentors waiting for dates are being sent the booking card.');
    expect(opened).toContain('Open for booking');
    expect(opened).toContain('Waiting for dates (0)');
    const offer = cardText(await cardWith(ALEX, 'The dates are set for the 2027 cohort'));
    expect(offer).toContain('Mentor training 2027 (full day)');
    expect(offer).toContain('Mon 29 Nov 2027, 09:30–16:30 (GMT)');
    expect(offer).toContain('2 of 2 seats left');
    await cardWith(ADELE, 'The dates are set for the 2027 cohort');
    // The same form again (a double press, or a second coordinator) opens nothing and sends nothing.
    const again = textOf(invokeCard(await t.send(action(ISAIAH, 'openCohort', FORM_2027))));
    expect(again).toContain('There is already a cohort called "2027 cohort"');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(offers()).toHaveLength(1);
  });

  it('lets a mentor who waited book the new training', async () => {
    const booked = textOf(invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId: 'cohort-2027-training' }))));
    expect(booked).toContain('You are booked on Mentor training 2027 (full day)');
    await eventually(async () => expect((await t.mentors.get(ALEX.id))?.value.stage).toBe('booked'));
  });

  it('shows a mentor approved once the cohort is open its sessions to book, and the coordinator no warning', async () => {
    await approvedMentor(t.mentors, GRADY);
    await t.send(message(GRADY, 'sessions'));
    expect(lastCardTo(GRADY)).not.toContain(NOT_SET);
    expect(lastCardTo(GRADY)).toContain('Mentor training 2027 (full day)');
    expect(lastCardTo(GRADY)).toContain('Book');
    const before = cardsTo(ISAIAH).length;
    await t.send(message(ISAIAH, 'sessions'));
    expect(cardsTo(ISAIAH)).toHaveLength(before + 1);
    expect(lastCardTo(ISAIAH)).toContain('Mentor training 2027 (full day)');
  });
});
