import { bookingWindow } from './booking-window.js';
import { findBooking, waitingPosition, type Session } from './session.js';

export type UpcomingBooking =
  | { readonly session: Session; readonly status: 'confirmed' }
  | { readonly session: Session; readonly status: 'waiting'; readonly position: number };

/** A person's places on sessions still to come, soonest first; started, past and cancelled sessions are left out. */
export function upcomingBookings(sessions: readonly Session[], personId: string, now: Date): UpcomingBooking[] {
  const upcoming: UpcomingBooking[] = [];
  for (const session of sessions) {
    const window = bookingWindow(session, now);
    if (window === 'cancelled' || window === 'started') continue;
    const status = findBooking(session, personId)?.status;
    if (status === 'confirmed') upcoming.push({ session, status });
    if (status === 'waiting') upcoming.push({ session, status, position: waitingPosition(session, personId)! });
  }
  return upcoming.sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
}
