import type { MentorStage } from '../../journey/domain/index.js';
import { mayBook } from './booking-eligibility.js';
import { bookingWindow } from './booking-window.js';
import { findBooking, type Session } from './session.js';

/** What a mentor's card shows: sessions still to come. Past and cancelled ones fold away (the coordinator still sees them). */
export function stillToCome(session: Session, now: Date): boolean {
  const window = bookingWindow(session, now);
  return window === 'open' || window === 'closed';
}

/** Sessions this person could book now: eligible for their stage, booking open, no place or wait already held. */
export function bookableFor(sessions: readonly Session[], personId: string, stage: MentorStage | undefined, now: Date): Session[] {
  return sessions.filter((session) => {
    const booking = findBooking(session, personId);
    const held = booking !== undefined && booking.status !== 'cancelled';
    return !held && mayBook(session.kind, stage).ok && bookingWindow(session, now) === 'open';
  });
}

/** Whether someone approved has anything to do: a session to book, or a place or wait already held on one still to come. */
export function hasSessionsAhead(sessions: readonly Session[], personId: string, stage: MentorStage | undefined, now: Date): boolean {
  if (bookableFor(sessions, personId, stage, now).length > 0) return true;
  return sessions.some((session) => {
    const booking = findBooking(session, personId);
    return stillToCome(session, now) && booking !== undefined && booking.status !== 'cancelled';
  });
}
