import { fail, ok, type DomainError, type Result } from '../../platform/kernel/result.js';
import { checkChangeable } from './booking-window.js';
import { invalidInput, type InputResult } from '../../platform/kernel/validation/index.js';
import { confirmedBookings, MAX_SEATS, MIN_SEATS, peopleToTell, type Booking, type Session } from './session.js';
import { readSeatsInput } from './seats-input.js';
import { checkSessionTimes } from './session-times.js';
import { checkSessionTimeParts, hasTimeParts, type SessionTimePartsInput } from './session-time-parts.js';
import { fillFreeSeats } from './waiting-list.js';

type ChangeableErrorCode = 'SESSION_CANCELLED' | 'SESSION_STARTED';

export interface SessionChanged {
  readonly session: Session;
  /** Everyone booked or waiting: their calendars change and they are told in Teams. */
  readonly toTell: readonly Booking[];
}

/** The new times: a day and times from the card's date and time inputs, or date-times as typed ("2026-11-30 09:30"). */
export interface MoveSessionInput extends SessionTimePartsInput {
  readonly startsAt?: unknown;
  readonly endsAt?: unknown;
  /** When missing, booking closes the same length of time before the new start as before the old one. */
  readonly bookingClosesAt?: unknown;
}

export type MoveSessionResult =
  | InputResult<SessionChanged, 'INVALID_TIMES'>
  | { readonly ok: false; readonly error: DomainError<ChangeableErrorCode> };

/** Times are read in the session's own time zone unless they carry an offset. */
export function moveSession(session: Session, input: MoveSessionInput, now: Date): MoveSessionResult {
  const changeable = checkChangeable(session, now);
  if (!changeable.ok) return changeable;
  const times = hasTimeParts(input) ? checkSessionTimeParts(input, session.timeZone, now) : checkSessionTimes(input, session.timeZone, now);
  if (!times.ok) return invalidInput('INVALID_TIMES', times.problems);
  const empty = (value: unknown) => value === undefined || value === '';
  const keepsGap = empty(input.bookingClosesAt) && empty(input.closesDate) && empty(input.closesTime);
  const bookingClosesAt = keepsGap ? closingWithSameGap(session, times.value.startsAt) : times.value.bookingClosesAt;
  const moved: Session = { ...session, ...times.value, bookingClosesAt };
  return ok({ session: moved, toTell: peopleToTell(moved) });
}

/** Derived, so it may already be past: the people booked keep their places, booking is simply closed. */
function closingWithSameGap(session: Session, newStartsAt: string): string {
  const gap = Math.max(0, Date.parse(session.startsAt) - Date.parse(session.bookingClosesAt));
  return new Date(Date.parse(newStartsAt) - gap).toISOString();
}

export interface SeatsChanged {
  readonly session: Session;
  /** People moved from the waiting list into the new seats, in order. */
  readonly promoted: readonly Booking[];
}

export type ChangeSeatsErrorCode = ChangeableErrorCode | 'INVALID_SEATS' | 'SEATS_BELOW_CONFIRMED';

/**
 * More seats go to the people waiting, first in line first. Fewer seats than confirmed people is refused: nobody loses a
 * confirmed place without being told by a person. `input` is a number, or its digits as a card sends them.
 */
export function changeSeats(session: Session, input: unknown, now: Date): Result<SeatsChanged, ChangeSeatsErrorCode> {
  const changeable = checkChangeable(session, now);
  if (!changeable.ok) return changeable;
  const seats = readSeatsInput(input);
  if (seats === undefined || !Number.isInteger(seats) || seats < MIN_SEATS || seats > MAX_SEATS) {
    return fail('INVALID_SEATS', `Seats must be a whole number from ${MIN_SEATS} to ${MAX_SEATS}.`);
  }
  const confirmed = confirmedBookings(session).length;
  if (seats < confirmed) {
    return fail(
      'SEATS_BELOW_CONFIRMED',
      `${confirmed} people already have a confirmed place. Choose at least ${confirmed} seats, or cancel bookings first.`,
    );
  }
  const filled = fillFreeSeats(session.bookings, seats);
  return ok({ session: { ...session, seats, bookings: filled.bookings }, promoted: filled.promoted });
}

export function cancelSession(session: Session, now: Date): Result<SessionChanged, ChangeableErrorCode> {
  const changeable = checkChangeable(session, now);
  if (!changeable.ok) return changeable;
  const cancelled: Session = { ...session, cancelledAt: now.toISOString() };
  return ok({ session: cancelled, toTell: peopleToTell(cancelled) });
}
