import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEachRefused } from '../../support/refused-forms.js';
import { eventually } from '../../support/eventually.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI } from '../../support/people.js';
import { calendarFaults } from '../../support/graph-calendar-stand-in.js';
import { inboxOf } from '../../support/inbox.js';
import { COHORT_SESSIONS, mailOf, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';
import { signUpApproved } from '../../support/sign-up-form.js';

describe('sessions and training booking, over the bot endpoint with Graph calendars', () => {
  let t: SessionsTestBot;
  const { training, information } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({
      seats: 2,
      env: { SCHEDULER_INTERVAL_SECONDS: '1' },
      installs: [ALEX, MEGAN, ADELE, ISAIAH, PATTI, GRADY],
      approvedMentors: [ADELE, PATTI],
    });
  });
  afterAll(() => t.stopAll());

  const { cardsTo, lastCardTo, cardWith } = inboxOf(() => t);
  const stageOf = async (person: { id: string }) => (await t.mentors.get(person.id))?.value.stage;
  const trainingTitle = () => `Mentor training ${t.year} (full day)`;

  it('refuses someone who has not been approved, saying why, and books nothing', async () => {
    await t.send(message(GRADY, 'sessions'));
    expect(lastCardTo(GRADY)).toContain('Sign up as a mentor first');
    expect(lastCardTo(GRADY)).not.toContain('Book');
    const refused = textOf(invokeCard(await t.send(action(GRADY, 'bookSession', { sessionId: training }))));
    expect(refused).toContain('Sign up as a mentor first');
    expect(refused).not.toContain('You have a place');
  });

  it('sends the booking card when a line manager approves, with both cohort sessions, times and seats', async () => {
    await signUpApproved(t, cardWith);
    const offer = await cardWith(ALEX, 'book your sessions');
    const text = cardText(offer);
    expect(text).toContain(`Mentoring scheme information session ${t.year}`);
    expect(text).toContain(trainingTitle());
    expect(text).toContain(`Mon 30 Nov ${t.year}`.slice(4));
    expect(text).toContain('09:30–16:30 (GMT)');
    expect(text).toContain('2 of 2 seats left');
    expect(text).toContain('Online (Microsoft Teams');
    expect(text).toContain('Book');
  });

  it('books an approved mentor at once, moves them to booked, and puts the session in their calendar', async () => {
    const card = textOf(invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId: training }))));
    expect(card).toContain(`You are booked on ${trainingTitle()}. It will appear in your calendar shortly.`);
    expect(card).toContain('You have a place.');
    expect(card).toContain('1 of 2 seats left');
    await eventually(async () => expect(await stageOf(ALEX)).toBe('booked'));
    await eventually(() => expect(t.calendar.attendeesOf(trainingTitle())).toEqual([mailOf(ALEX)]));
    const event = t.calendar.eventFor(trainingTitle())!;
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(event.start).toEqual({ dateTime: `${t.year}-11-30T09:30:00`, timeZone: 'GMT Standard Time' });
    // The information session does not move the stage.
    await t.send(action(ALEX, 'bookSession', { sessionId: information }));
    expect(await stageOf(ALEX)).toBe('booked');
  });

  it('fills the last seat, then offers the waiting list in order', async () => {
    expect(textOf(invokeCard(await t.send(action(ADELE, 'bookSession', { sessionId: training }))))).toContain('You are booked');
    const patti = textOf(invokeCard(await t.send(action(PATTI, 'bookSession', { sessionId: training }))));
    expect(patti).toContain('is full. You are number 1 on the waiting list');
    await t.send(message(PATTI, 'sessions'));
    expect(lastCardTo(PATTI)).toContain('Leave the waiting list');
    await eventually(() => expect(t.calendar.attendeesOf(trainingTitle())).toEqual([mailOf(ADELE), mailOf(ALEX)].sort()));
  });

  it('gives a cancelled seat to the first in line, who is told; the calendar follows without mailing the others', async () => {
    const mailBefore = t.calendar.mail.length;
    const card = textOf(invokeCard(await t.send(action(ALEX, 'cancelSessionBooking', { sessionId: training }))));
    expect(card).toContain('is cancelled');
    await eventually(() => expect(lastCardTo(PATTI)).toContain('A place came free: you are booked'));
    await eventually(() => expect(t.calendar.attendeesOf(trainingTitle())).toEqual([mailOf(ADELE), mailOf(PATTI)].sort()));
    await eventually(async () => expect(await stageOf(PATTI)).toBe('booked'));
    await eventually(async () => expect(await stageOf(ALEX)).toBe('approved'));
    const mails = t.calendar.mail.slice(mailBefore);
    expect(mails.map((m) => m.to).sort()).toEqual([mailOf(ALEX), mailOf(PATTI)].sort());
    expect(t.calendar.eventFor(trainingTitle())!.onlineMeeting?.joinUrl).toBeTruthy();
  });

  it('shows the coordinator every session with its bookings and waiting list', async () => {
    await t.send(message(ISAIAH, 'sessions'));
    const card = lastCardTo(ISAIAH);
    expect(card).toContain('Booked (2): Adele Vance, Patti Fernandez');
    expect(card).toContain('Waiting list (0)');
    expect(card).toContain('New session');
  });

  it('lets the coordinator move a session: its event moves (the Teams link kept) and everyone booked is told', async () => {
    const infoTitle = `Mentoring scheme information session ${t.year}`;
    await eventually(() => expect(t.calendar.attendeesOf(infoTitle)).toEqual([mailOf(ALEX)]));
    const joinUrl = t.calendar.eventFor(infoTitle)!.onlineMeeting!.joinUrl;
    // The move form starts from the session's own day and times, in date and time inputs.
    await t.send(message(ISAIAH, 'sessions'));
    const form = JSON.stringify(cardsTo(ISAIAH).at(-1)!.activity);
    expect(form).toContain(`"type":"Input.Date","id":"move.${information}.date","label":"New day","isRequired":true,"errorMessage":"Please choose the new day.","value":"${t.year}-11-`);
    expect(form).toContain(`"type":"Input.Time","id":"move.${information}.startTime"`);
    const inputs = (date: string, start: string, end: string) => ({ sessionId: information, [`move.${information}.date`]: date, [`move.${information}.startTime`]: start, [`move.${information}.endTime`]: end });
    const refused = textOf(invokeCard(await t.send(action(ISAIAH, 'moveSession', inputs(`${t.year}-11-10`, '16:00', '14:00')))));
    expect(refused).toContain('Not moved: The end must be after the start');
    // A card sent before the form had date and time inputs still moves the session, or says what is wrong.
    const typed = textOf(invokeCard(await t.send(action(ISAIAH, 'moveSession', { sessionId: information, [`move.${information}.startsAt`]: `${t.year}-11-10 16:00`, [`move.${information}.endsAt`]: `${t.year}-11-10 14:00` }))));
    expect(typed).toContain('Not moved: The end must be after the start');
    const moved = textOf(invokeCard(await t.send(action(ISAIAH, 'moveSession', inputs(`${t.year}-11-10`, '14:00', '16:00')))));
    expect(moved).toContain(`Moved: ${infoTitle}`);
    await eventually(() => expect(lastCardTo(ALEX)).toContain('Session moved'));
    expect(lastCardTo(ALEX)).toContain('14:00–16:00 (GMT)');
    await eventually(() => expect(t.calendar.eventFor(infoTitle)!.start).toEqual({ dateTime: `${t.year}-11-10T14:00:00`, timeZone: 'GMT Standard Time' }));
    expect(t.calendar.eventFor(infoTitle)!.onlineMeeting!.joinUrl).toBe(joinUrl);
  });

  it('gives a non-coordinator none of the coordinator commands, whatever the card data says', async () => {
    await t.send(message(ADELE, 'new session'));
    expect(lastCardTo(ADELE)).toContain('That is for the scheme coordinators');
    // The way on is a button that sends "sessions", not words to type.
    expect(JSON.stringify(cardsTo(ADELE).at(-1))).toContain('"title":"See the sessions you can book","data":{"msteams":{"type":"imBack","value":"sessions"}}');
    await t.send(message(ADELE, 'attendance'));
    expect(lastCardTo(ADELE)).toContain('That is for the scheme coordinators');
    for (const verb of ['createSession', 'recordAttendance', 'cancelSession', 'moveSession', 'newSessionForm', 'attendanceForm']) {
      const answer = textOf(invokeCard(await t.send(action(ADELE, verb, { sessionId: training, kind: 'training', title: 'x', [`present.${ADELE.id}`]: 'true' }))));
      expect(answer).toMatch(/coordinators/);
    }
    await t.send(message(ADELE, 'sessions'));
    expect(lastCardTo(ADELE)).not.toContain('Waiting list (');
  });

  it('refuses bad new-session input with clear messages and creates nothing', async () => {
    await t.send(message(ISAIAH, 'new session'));
    expect(lastCardTo(ISAIAH)).toContain('Create session');
    const sessionsBefore = await countSessions();
    const cases: Array<[Record<string, string>, string]> = [
      [{ kind: 'training', title: 'Later', startsAt: `${t.year}-12-05 10:00`, endsAt: `${t.year}-12-05 09:00`, location: 'online', seats: '10' }, 'The end must be after the start'],
      [{ kind: 'training', title: 'No seats', startsAt: `${t.year}-12-05 10:00`, endsAt: `${t.year}-12-05 12:00`, location: 'online', seats: '0' }, 'Seats must be a whole number'],
      [{ kind: 'training', title: 'Minus', startsAt: `${t.year}-12-05 10:00`, endsAt: `${t.year}-12-05 12:00`, location: 'online', seats: '-3' }, 'Seats must be a whole number'],
      [{ kind: 'training', title: 'Past', startsAt: '2020-01-01 10:00', endsAt: '2020-01-01 12:00', location: 'online', seats: '10' }, 'The start is in the past'],
      [{ kind: 'training', title: 'x'.repeat(10_000), startsAt: `${t.year}-12-05 10:00`, endsAt: `${t.year}-12-05 12:00`, location: 'online', seats: '10' }, 'The title is 10000 characters'],
      [{ kind: 'partyTime', title: 'Unknown', startsAt: `${t.year}-12-05 10:00`, endsAt: `${t.year}-12-05 12:00`, location: 'online', seats: '10' }, 'Please choose a kind of session'],
    ];
    for (const card of await expectEachRefused(t, ISAIAH, 'createSession', cases, 'Nothing was created')) expect(JSON.stringify(card).length).toBeLessThan(20_000);
    expect(await countSessions()).toBe(sessionsBefore);
  });

  it('lets the coordinator create a session that mentors can then book', async () => {
    const form = { kind: 'memberWorkshop', title: 'Corporate parenting workshop', startsAt: `${t.year}-12-07 14:00`, endsAt: `${t.year}-12-07 16:00`, location: 'inPerson', venue: 'Civic Centre', seats: '12' };
    const card = textOf(invokeCard(await t.send(action(ISAIAH, 'createSession', form))));
    expect(card).toContain('Created: Corporate parenting workshop');
    expect(card).toContain('12 of 12 seats left');
  });

  it('offers the card\'s own date, time and number inputs, and creates from what they send (YYYY-MM-DD, HH:mm)', async () => {
    const form = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'newSessionForm'))));
    for (const input of ['"type":"Input.Date","id":"date"', '"type":"Input.Time","id":"startTime"', '"type":"Input.Time","id":"endTime"', '"type":"Input.Number","id":"seats","label":"Seats","min":1,"max":500']) expect(form).toContain(input);
    expect(form).not.toMatch(/20\d\d-\d\d-\d\d \d\d:\d\d/);
    const sent = { kind: 'memberWorkshop', title: 'Corporate parenting forum', date: `${t.year}-12-08`, startTime: '14:00', endTime: '16:00', location: 'online', venue: '', seats: '8', closesDate: '', closesTime: '' };
    const card = textOf(invokeCard(await t.send(action(ISAIAH, 'createSession', sent))));
    expect(card).toContain('Created: Corporate parenting forum');
    expect(card).toContain('8 of 8 seats left');
    expect(card).toMatch(new RegExp(`\\w{3} 8 Dec ${t.year}, 14:00–16:00 \\(GMT\\)`));
  });

  it('refuses what the date and time inputs sent when it is wrong, each problem under its field, keeping what was chosen', async () => {
    const sessionsBefore = await countSessions();
    const sent = { kind: 'training', title: 'Backwards', date: '2020-01-01', startTime: '16:00', endTime: '09:00', location: 'online', venue: '', seats: '600', closesDate: '', closesTime: '17:00' };
    const answer = invokeCard(await t.send(action(ISAIAH, 'createSession', sent))) as { body: Array<Record<string, unknown>> };
    const text = textOf(answer);
    expect(text).toContain('Nothing was created');
    for (const words of ['The session would start in the past', 'The end must be after the start', 'Seats must be a whole number from 1 to 500', 'Please choose the day booking closes as well as the time']) expect(text).toContain(words);
    const json = JSON.stringify(answer);
    expect(json).toContain('"id":"date","label":"Day","isRequired":true,"errorMessage":"Please choose the day.","value":"2020-01-01"');
    expect(json).toContain('"id":"closesTime","label":"Time","value":"17:00"');
    // Each problem sits right under its own input.
    const flat = JSON.stringify(answer.body);
    expect(flat.indexOf('The end must be after the start')).toBeGreaterThan(flat.indexOf('"id":"endTime"'));
    expect(flat.indexOf('Seats must be a whole number')).toBeGreaterThan(flat.indexOf('"id":"seats"'));
    expect(flat.indexOf('Seats must be a whole number')).toBeLessThan(flat.indexOf('"id":"closesDate"'));
    expect(await countSessions()).toBe(sessionsBefore);
  });

  it('tells the coordinators when Graph refuses a calendar change the worker cannot fix', async () => {
    const workshop = 'Corporate parenting workshop';
    t.calendar.fail((r) => r.method === 'POST' && r.path.endsWith('/events'), calendarFaults.forbidden(), 1);
    const views = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'newSessionForm'))));
    expect(views).toContain('Create session');
    await t.send(message(ISAIAH, 'sessions'));
    const sessionId = JSON.stringify(cardsTo(ISAIAH).at(-1)!.activity).match(/"sessionId":"(session-[^"]+)"/)![1]!;
    expect(textOf(invokeCard(await t.send(action(GRADY, 'bookSession', { sessionId }))))).toContain(`You are booked on ${workshop}`);
    const notice = await cardWith(ISAIAH, 'Calendars.ReadWrite');
    expect(cardText(notice)).toContain('could not');
    expect(t.calendar.eventFor(workshop)).toBeUndefined();
  });

  it('reminds everyone booked the day before, with a way to cancel', async () => {
    const trainingStart = Date.UTC(t.year, 10, 30, 9, 30);
    t.advance(trainingStart - 12 * 3_600_000 - Date.now());
    await eventually(() => expect(lastCardTo(ADELE)).toContain('Reminder: full-day training tomorrow at 09:30'), 15_000);
    await eventually(() => expect(lastCardTo(PATTI)).toContain('Reminder: full-day training tomorrow at 09:30'), 15_000);
    expect(lastCardTo(PATTI)).toContain('Cancel my place');
    expect(cardsTo(ALEX).some((a) => cardText(a).includes('Reminder: full-day training'))).toBe(false);
  });

  it('records attendance after the training and moves those present to trained', async () => {
    t.advance(14 * 3_600_000);
    await t.send(message(ISAIAH, 'attendance'));
    const card = await cardWith(ISAIAH, `Attendance: ${trainingTitle()}`);
    expect(cardText(card)).toContain(`Attendance: ${trainingTitle()}`);
    expect(JSON.stringify(card.activity)).toContain('"id":"attendance.present"');
    expect(JSON.stringify(card.activity)).toContain(`"value":"${ADELE.id}"`);
    const saved = textOf(
      invokeCard(await t.send(action(ISAIAH, 'recordAttendance', { sessionId: training, people: [ADELE.id, PATTI.id], 'attendance.present': ADELE.id }))),
    );
    expect(saved).toContain('Attendance saved: 1 present');
    await eventually(async () => expect(await stageOf(ADELE)).toBe('trained'));
    expect(await stageOf(PATTI)).toBe('booked');
    await t.send(message(ADELE, 'my status'));
    expect(lastCardTo(ADELE)).toContain('trained');
  });

  it('never logs who booked', () => {
    const logs = t.logs.join('\n');
    for (const person of [ALEX, ADELE, PATTI]) expect(logs).not.toContain(person.name);
  });

  async function countSessions(): Promise<number> {
    await t.send(message(ISAIAH, 'sessions'));
    return (lastCardTo(ISAIAH).match(/Booked \(/g) ?? []).length;
  }
});
