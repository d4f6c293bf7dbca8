import type { MentorStage } from '../../journey/domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { mayBook, type EligibilityErrorCode } from './booking-eligibility.js';
import { checkBookingOpen, checkChangeable, type WindowErrorCode } from './booking-window.js';
import {
  findBooking,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_SESSION_JSON_LENGTH,
  seatsLeft,
  waitingPosition,
  type Booking,
  type Session,
} from './session.js';
import { fillFreeSeats } from './waiting-list.js';

/** The same shape as the house `PersonRef`: an Entra object id and a display name. */
export interface BookingPerson {
  readonly id: string;
  readonly name: string;
}

export type BookOutcome = 'confirmed' | 'waiting' | 'alreadyBooked';

export interface Booked {
  /** The same object as the input when the outcome is 'alreadyBooked': nothing to write. */
  readonly session: Session;
  readonly outcome: BookOutcome;
  readonly booking: Booking;
  readonly waitingPosition?: number;
}

export type BookErrorCode = EligibilityErrorCode | WindowErrorCode | 'SESSION_LIST_FULL';

export function bookSession(
  session: Session,
  person: BookingPerson,
  stage: MentorStage | undefined,
  now: Date,
): Result<Booked, BookErrorCode> {
  if (session.cancelledAt) return fail('SESSION_CANCELLED', 'This session has been cancelled.');
  const existing = findBooking(session, person.id);
  if (existing && existing.status !== 'cancelled') return ok(describe(session, existing, 'alreadyBooked'));
  const eligible = mayBook(session.kind, stage);
  if (!eligible.ok) return eligible;
  const open = checkBookingOpen(session, now);
  if (!open.ok) return open;
  const booking: Booking = {
    personId: person.id,
    displayName: shortName(person.name),
    status: seatsLeft(session) > 0 ? 'confirmed' : 'waiting',
    bookedAt: now.toISOString(),
  };
  // A returning person goes to the back: the array order is the arrival order.
  const others = session.bookings.filter((row) => row.personId !== person.id);
  // Booking after "Can't make it" takes that answer back.
  const next: Session = withoutDeclined({ ...session, bookings: [...others, booking] }, person.id);
  if (!existing && JSON.stringify(next).length > MAX_SESSION_JSON_LENGTH) {
    return fail('SESSION_LIST_FULL', 'This session cannot take any more names. Please ask the coordinator.');
  }
  return ok(describe(next, booking, booking.status === 'confirmed' ? 'confirmed' : 'waiting'));
}

/** The session without the person's "Can't make it", if they gave one. */
export function withoutDeclined(session: Session, personId: string): Session {
  if (!session.declined?.some((each) => each.personId === personId)) return session;
  const declined = session.declined.filter((each) => each.personId !== personId);
  const { declined: _gone, ...rest } = session;
  return declined.length > 0 ? { ...rest, declined } : rest;
}

function describe(session: Session, booking: Booking, outcome: BookOutcome): Booked {
  const position = waitingPosition(session, booking.personId);
  return position === undefined ? { session, outcome, booking } : { session, outcome, booking, waitingPosition: position };
}

export function shortName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= MAX_DISPLAY_NAME_LENGTH ? chars.join('') : `${chars.slice(0, MAX_DISPLAY_NAME_LENGTH - 1).join('')}…`;
}

export interface BookingCancelled {
  readonly session: Session;
  readonly cancelled: Booking;
  /** The first person waiting, who now has the freed seat. */
  readonly promoted?: Booking;
}

export type CancelBookingErrorCode = 'SESSION_CANCELLED' | 'SESSION_STARTED' | 'NOT_BOOKED';

export function cancelBooking(session: Session, personId: string, now: Date): Result<BookingCancelled, CancelBookingErrorCode> {
  const changeable = checkChangeable(session, now);
  if (!changeable.ok) return changeable;
  const existing = findBooking(session, personId);
  if (!existing || existing.status === 'cancelled') return fail('NOT_BOOKED', 'You are not booked on this session.');
  const cancelled: Booking = { ...existing, status: 'cancelled' };
  const rows = session.bookings.map((row) => (row.personId === personId ? cancelled : row));
  const filled = fillFreeSeats(rows, session.seats);
  const next: Session = { ...session, bookings: filled.bookings };
  const promoted = filled.promoted[0];
  return ok(promoted ? { session: next, cancelled, promoted } : { session: next, cancelled });
}
