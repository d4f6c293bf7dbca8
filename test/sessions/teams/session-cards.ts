import { bookSession, cancelBooking, confirmedBookings, openSession, parseNewSession, type Session, type UpcomingBooking } from '../../../src/sessions/domain/index.js';
import { attendanceCard } from '../../../src/sessions/teams/cards/attendance.card.js';
import { calendarFailedCard } from '../../../src/sessions/teams/cards/calendar-failed.card.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { coordinatorSessionsCard } from '../../../src/sessions/teams/cards/coordinator-sessions.card.js';
import { newSessionFormCard } from '../../../src/sessions/teams/cards/new-session-form.card.js';
import { sessionBookingCard } from '../../../src/sessions/teams/cards/session-booking.card.js';
import { sessionCancelledCard, sessionMovedCard, sessionPromotedCard, sessionReminderCard } from '../../../src/sessions/teams/cards/session-notice.card.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const EVIL = 'Alex [x](http://evil) **bold**';

const information = openSession({
  id: 'cohort-2026-information-session',
  kind: 'informationSession',
  title: 'Mentoring scheme information session 2026',
  startsAt: '2026-11-09T10:00:00.000Z',
  endsAt: '2026-11-09T12:00:00.000Z',
  timeZone: 'Europe/London',
  location: { type: 'online' },
  seats: 1,
  bookingClosesAt: '2026-11-08T10:00:00.000Z',
});
const training: Session = { ...information, id: 'cohort-2026-training', kind: 'training', title: '# Training *2026*', location: { type: 'inPerson', venue: '[Civic](http://x) Centre' } };

function booked(session: Session, ...people: string[]): Session {
  return people.reduce((s, id) => {
    const result = bookSession(s, { id, name: id === 'a' ? EVIL : `Person ${id}` }, 'approved', NOW);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.session;
  }, session);
}

const full = booked(information, 'a', 'b', 'c');
const afterCancel = (() => {
  const result = cancelBooking(full, 'a', NOW);
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.value.session, id: 'after-cancel' };
})();
/** The one attendance card's view: the sessions in the picker and the chosen one with everyone confirmed on it. */
function register(sessions: Session[], chosen: Session) {
  return { sessions, chosen, booked: confirmedBookings(chosen) };
}

const attended: Session = { ...booked(training, 'a'), bookings: booked(training, 'a').bookings.map((b) => ({ ...b, attended: true })) };

/** Every problem the real parser finds in a form with the day past, the end before the start, no seats and half a closing time. */
const refusedNewSession = (() => {
  const result = parseNewSession({ kind: 'training', title: EVIL, date: '2026-10-30', startTime: '16:30', endTime: '09:30', location: 'inPerson', venue: '', seats: '0', closesDate: '', closesTime: '17:00' }, { id: 'x', now: NOW });
  if (result.ok) throw new Error('expected a refusal');
  return result.error.problems;
})();

/** The sessions feature's cards in their states, for the card checks in cards.test.ts. */
export const SESSION_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['sessions: booking card, approved on approval', sessionBookingCard({ sessions: [{ session: information }, { session: training }], personId: 'a', stage: 'approved', now: NOW, approved: true })],
  ['sessions: booking card, booked and full', sessionBookingCard({ sessions: [{ session: full, joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }, { session: training }], personId: 'a', stage: 'booked', now: NOW, notice: { text: 'You are booked.', tone: 'good' } })],
  ['sessions: booking card, waiting', sessionBookingCard({ sessions: [{ session: full }], personId: 'c', stage: 'approved', now: NOW })],
  ['sessions: booking card, not approved', sessionBookingCard({ sessions: [{ session: information }, { session: training }], personId: 'z', stage: 'awaitingApproval', now: NOW })],
  ['sessions: booking card, past session', sessionBookingCard({ sessions: [{ session: information }], personId: 'a', stage: 'approved', now: new Date('2026-12-01T00:00:00Z') })],
  ['sessions: booking card, none planned', sessionBookingCard({ sessions: [], personId: 'a', stage: 'approved', now: NOW })],
  ['sessions: coordinator list', coordinatorSessionsCard([{ session: full }, { session: afterCancel }, { session: attended }], NOW, 'Created: x')],
  ['sessions: coordinator list after the session', coordinatorSessionsCard([{ session: attended }], new Date('2026-11-10T00:00:00Z'))],
  ['sessions: coordinator list, empty', coordinatorSessionsCard([], NOW)],
  ['sessions: coordinator list, seats refused', coordinatorSessionsCard([{ session: full }], NOW, undefined, 'Seats not changed: 3 people already have a confirmed place. Choose at least 3 seats, or cancel bookings first.')],
  ['sessions: new session form', newSessionFormCard('Europe/London')],
  ['sessions: new session form with problems', newSessionFormCard('Europe/London', { title: EVIL, date: '2026-10-30', startTime: '16:30', endTime: '09:30', seats: '0', closesTime: '17:00' }, refusedNewSession)],
  ['sessions: attendance, one session, saved', attendanceCard(register([attended], attended), { text: 'Attendance saved: 1 present.', tone: 'good' })],
  ['sessions: attendance, picker of three, nobody booked on the chosen one', attendanceCard(register([information, attended, { ...full, id: 'older' }], information))],
  ['sessions: attendance, picker, the save refused', attendanceCard(register([attended, full], full), { text: 'Attendance can only be recorded for people with a confirmed place.', tone: 'attention' })],
  ['sessions: reminder', sessionReminderCard({ session: full, joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }, NOW)],
  ['sessions: promoted', sessionPromotedCard({ session: afterCancel }, NOW, true)],
  ['sessions: promoted, no calendar', sessionPromotedCard({ session: afterCancel }, NOW, false)],
  ['sessions: moved', sessionMovedCard({ session: full }, NOW, true)],
  ['sessions: cancelled', sessionCancelledCard({ session: { ...full, cancelledAt: NOW.toISOString() } }, NOW, true)],
  ['sessions: calendar failed, access denied', calendarFailedCard({ session: training }, { cause: 'accessDenied', operation: 'createEvent', status: 403, mailbox: 'mentoring-sessions@council.example' })],
  ['sessions: calendar failed, sign-in refused', calendarFailedCard({ session: full }, { cause: 'notSignedIn', operation: 'setAttendees', status: 401, mailbox: 'mentoring-sessions@council.example' })],
  ['sessions: calendar failed, request rejected', calendarFailedCard({ session: full }, { cause: 'rejected', operation: 'moveEvent', status: 400, mailbox: 'mentoring-sessions@council.example' })],
  ['sessions: calendar failed, gave up', calendarFailedCard({ session: full }, { cause: 'gaveUp' })],
];

/** What `my status` lists for a mentor with one place and one place on a waiting list. */
export const STATUS_BOOKINGS: UpcomingBooking[] = [
  { session: full, status: 'confirmed' },
  { session: { ...training, startsAt: '2026-11-30T09:30:00.000Z', endsAt: '2026-11-30T16:30:00.000Z' }, status: 'waiting', position: 2 },
];
