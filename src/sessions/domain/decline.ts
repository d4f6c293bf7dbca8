import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { cancelBooking, shortName, type BookingPerson, type CancelBookingErrorCode } from './booking.js';
import { bookingWindow } from './booking-window.js';
import { findBooking, MAX_SESSION_JSON_LENGTH, type Booking, type Session } from './session.js';

export interface InvitationDeclined {
  /** The same object as the input when the outcome is 'alreadyDeclined': nothing to write. */
  readonly session: Session;
  readonly outcome: 'declined' | 'alreadyDeclined';
  /** The place (or the wait) the person gave up by saying they cannot make it. */
  readonly released?: Booking;
  /** The first person waiting, who now has the freed seat. */
  readonly promoted?: Booking;
}

export type DeclineErrorCode = CancelBookingErrorCode | 'SESSION_LIST_FULL';

/** Room for "Can't make it" answers besides the bookings: the row holds 8 parts of 30,000 characters. */
const MAX_WITH_ANSWERS = MAX_SESSION_JSON_LENGTH * 2;

/**
 * "Can't make it" on an invitation: the answer is kept (so the coordinator can count it), and a place or a wait the
 * person held is given up exactly as cancelling does, the first person waiting getting the seat in the same write.
 * Answers close when the session starts.
 */
export function declineSession(session: Session, person: BookingPerson, now: Date): Result<InvitationDeclined, DeclineErrorCode> {
  const window = bookingWindow(session, now);
  if (window === 'cancelled') return fail('SESSION_CANCELLED', 'This session has been cancelled.');
  if (window === 'started') return fail('SESSION_STARTED', 'This session has already started, so answers are closed.');
  const held = findBooking(session, person.id);
  const already = session.declined?.some((each) => each.personId === person.id) ?? false;
  if (already && (!held || held.status === 'cancelled')) return ok({ session, outcome: 'alreadyDeclined' });
  let next = session;
  let released: Booking | undefined;
  let promoted: Booking | undefined;
  if (held && held.status !== 'cancelled') {
    const cancelled = cancelBooking(session, person.id, now);
    if (!cancelled.ok) return cancelled;
    ({ session: next, promoted } = cancelled.value);
    released = held;
  }
  const others = (next.declined ?? []).filter((each) => each.personId !== person.id);
  next = { ...next, declined: [...others, { personId: person.id, displayName: shortName(person.name), at: now.toISOString() }] };
  if (!already && JSON.stringify(next).length > MAX_WITH_ANSWERS) return fail('SESSION_LIST_FULL', 'This session cannot take any more answers. Please tell the coordinator instead.');
  return ok({ session: next, outcome: 'declined', ...(released ? { released } : {}), ...(promoted ? { promoted } : {}) });
}
