import type { SessionDeps } from '../app/session-deps.js';
import { formatSessionTime, upcomingBookings, type Session, type UpcomingBooking } from '../domain/index.js';
import type { StatusFacts } from '../../platform/teams/route-registry.js';

/** Lines on `my status`: each session still to come that the person has a place on or is waiting for. */
export function sessionStatusFacts(deps: SessionDeps): StatusFacts {
  return async (personId) => {
    const now = deps.clock.now();
    const sessions: Session[] = [];
    // The catalogue lists only sessions not yet ended, so this reads a handful of rows, never the whole table.
    for await (const stored of deps.sessions.list({ endingAfter: now })) sessions.push(stored.session);
    return bookingFacts(upcomingBookings(sessions, personId, now));
  };
}

export function bookingFacts(bookings: readonly UpcomingBooking[]): Array<[string, string]> {
  return bookings.map(bookingFact);
}

function bookingFact(booking: UpcomingBooking): [string, string] {
  const what = `${booking.session.title}, ${formatSessionTime(booking.session)}`;
  if (booking.status === 'confirmed') return ['Booked', what];
  return ['Waiting list', `${what}: number ${booking.position} on the waiting list`];
}
