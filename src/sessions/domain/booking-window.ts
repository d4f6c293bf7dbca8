import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Session } from './session.js';

export type BookingWindow = 'open' | 'closed' | 'started' | 'cancelled';

export function bookingWindow(session: Session, now: Date): BookingWindow {
  if (session.cancelledAt) return 'cancelled';
  if (now >= new Date(session.startsAt)) return 'started';
  if (now >= new Date(session.bookingClosesAt)) return 'closed';
  return 'open';
}

export type WindowErrorCode = 'SESSION_CANCELLED' | 'SESSION_STARTED' | 'BOOKING_CLOSED';

export function checkBookingOpen(session: Session, now: Date): Result<true, WindowErrorCode> {
  switch (bookingWindow(session, now)) {
    case 'cancelled':
      return fail('SESSION_CANCELLED', 'This session has been cancelled.');
    case 'started':
      return fail('SESSION_STARTED', 'This session has already started, so it can no longer be booked.');
    case 'closed':
      return fail('BOOKING_CLOSED', 'Booking for this session has closed.');
    case 'open':
      return ok(true);
  }
}

/** Bookings may still be cancelled after booking closes, until the session starts. */
export function checkChangeable(session: Session, now: Date): Result<true, 'SESSION_CANCELLED' | 'SESSION_STARTED'> {
  const window = bookingWindow(session, now);
  if (window === 'cancelled') return fail('SESSION_CANCELLED', 'This session has been cancelled.');
  if (window === 'started') return fail('SESSION_STARTED', 'This session has already started.');
  return ok(true);
}
