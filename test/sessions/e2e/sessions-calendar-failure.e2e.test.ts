import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { calendarFaults } from '../../support/graph-calendar-stand-in.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH } from '../../support/people.js';
import { approvedMentor, COHORT_SESSIONS, mailOf, ORGANISER, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard } from '../../support/test-bot.js';

/** Graph's answer when the app's token is not accepted (an expired secret, consent withdrawn). */
const UNAUTHORISED = { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' } } };
const isCreate = (request: { method: string; path: string }) => request.method === 'POST' && request.path.endsWith('/events');

describe('a calendar failure the worker cannot fix reaches the coordinators as its own card, through the real Graph client', () => {
  let t: SessionsTestBot;
  const { training, information } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 2, installs: [ALEX, ADELE, ISAIAH, GRADY], approvedMentors: [ALEX, ADELE] });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, cardWith } = inboxOf(() => t);
  const trainingTitle = () => `Mentor training ${t.year} (full day)`;

  it('names the session, says Graph refused access to the organiser mailbox, and what to check', async () => {
    t.calendar.fail(isCreate, calendarFaults.forbidden(), 1);
    expect(textOf(invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId: training }))))).toContain('You are booked');
    const notice = cardText(await cardWith(ISAIAH, "A session's calendar could not be updated"));
    expect(notice).toContain(`Full-day training: ${trainingTitle()}`);
    expect(notice).toContain(`30 Nov ${t.year}, 09:30–16:30 (GMT)`);
    expect(notice).toContain(`Microsoft Graph refused access (HTTP 403) when the bot tried to create the calendar event in the organiser mailbox (${ORGANISER})`);
    expect(notice).toContain(`check the application access policy for ${ORGANISER}: Test-ApplicationAccessPolicy -Identity ${ORGANISER}`);
    expect(notice).toContain('Calendars.ReadWrite');
    expect(notice).toContain('Bookings are not affected');
    expect(notice).toContain('Try again');
    // Instead of the generic card, not as well as it: the calendar is not a person who could not be reached.
    expect(cardsTo(ISAIAH).some((a) => cardText(a).includes('could not be reached'))).toBe(false);
    expect(cardsTo(ALEX).some((a) => cardText(a).includes('calendar could not be updated'))).toBe(false);
    expect(t.calendar.eventFor(trainingTitle())).toBeUndefined();
  });

  it('lets only a coordinator try again, whatever the card says', async () => {
    const requests = t.calendar.requests.length;
    expect(textOf(invokeCard(await t.send(action(GRADY, 'retrySessionCalendar', { sessionId: training }))))).toContain('That is for the scheme coordinators');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'retrySessionCalendar', {}))))).toContain('This card is out of date');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'retrySessionCalendar', { sessionId: 'no-such-session' }))))).toContain('This session no longer exists');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.calendar.requests.length).toBe(requests);
  });

  it('puts the session in the calendar when the coordinator tries again after the cause is fixed', async () => {
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'retrySessionCalendar', { sessionId: training }))))).toContain(`Trying the calendar for ${trainingTitle()} again`);
    await eventually(() => expect(t.calendar.attendeesOf(trainingTitle())).toEqual([mailOf(ALEX)]));
  });

  it("says plainly when Graph does not accept the bot's sign-in", async () => {
    t.calendar.fail(isCreate, UNAUTHORISED, 1);
    expect(textOf(invokeCard(await t.send(action(ADELE, 'bookSession', { sessionId: information }))))).toContain('You are booked');
    const notice = cardText(await cardWith(ISAIAH, "did not accept the bot's sign-in"));
    expect(notice).toContain(`Information session: Mentoring scheme information session ${t.year}`);
    expect(notice).toContain('(HTTP 401)');
    expect(notice).toContain('client secret or certificate');
  });

  it('tells the coordinators once while the mailbox stays blocked, however many later changes fail the same way', async () => {
    await approvedMentor(t.mentors, GRADY);
    const failureCards = () => cardsTo(ISAIAH).filter((a) => cardText(a).includes("calendar could not be updated") && cardText(a).includes(trainingTitle())).length;
    const patches = () => t.calendar.requests.filter((r) => r.method === 'PATCH').length;
    const before = failureCards();
    const patchesBefore = patches();
    t.calendar.fail((r) => r.method === 'PATCH', calendarFaults.forbidden(), 10);
    expect(textOf(invokeCard(await t.send(action(ADELE, 'bookSession', { sessionId: training }))))).toContain('You are booked');
    await eventually(() => expect(failureCards()).toBe(before + 1), 10_000);
    // Another change of seat holder, a second later: its sync fails for the same cause.
    expect(textOf(invokeCard(await t.send(action(GRADY, 'bookSession', { sessionId: training }))))).toContain('waiting list');
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'changeSeats', { sessionId: training, [`seats.${training}`]: '3' }))))).toContain('Seats changed');
    await eventually(() => expect(patches()).toBeGreaterThanOrEqual(patchesBefore + 2), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(failureCards()).toBe(before + 1);
  });
});
