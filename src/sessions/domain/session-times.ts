import { parseDateTimeInput } from './date-time-input.js';
import { problem, type FieldProblem } from '../../platform/kernel/validation/index.js';

export interface SessionTimesInput {
  readonly startsAt?: unknown;
  readonly endsAt?: unknown;
  /** When missing, booking closes when the session starts. */
  readonly bookingClosesAt?: unknown;
}

export interface SessionTimes {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly bookingClosesAt: string;
}

export type SessionTimesCheck =
  | { readonly ok: true; readonly value: SessionTimes }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const FORMAT_HINT = 'as a date and time such as 2026-11-30 09:30';

/** Start and end parse, the end is after the start, the start is still ahead, and booking closes before the start. */
export function checkSessionTimes(input: SessionTimesInput, timeZone: string, now: Date): SessionTimesCheck {
  const start = parseDateTimeInput(input.startsAt, timeZone);
  const end = parseDateTimeInput(input.endsAt, timeZone);
  const closesGiven = input.bookingClosesAt !== undefined && input.bookingClosesAt !== '';
  const closes = closesGiven ? parseDateTimeInput(input.bookingClosesAt, timeZone) : start;
  const problems: FieldProblem[] = [];
  if (!start) problems.push(problem('startsAt', 'START_INVALID', `Please give the start ${FORMAT_HINT}.`));
  if (!end) problems.push(problem('endsAt', 'END_INVALID', `Please give the end ${FORMAT_HINT}.`));
  if (closesGiven && !closes) {
    problems.push(problem('bookingClosesAt', 'BOOKING_CLOSE_INVALID', `Please give when booking closes ${FORMAT_HINT}.`));
  }
  if (start && start <= now) problems.push(problem('startsAt', 'START_IN_PAST', 'The start is in the past.'));
  if (start && end && end <= start) problems.push(problem('endsAt', 'END_NOT_AFTER_START', 'The end must be after the start.'));
  if (closesGiven && start && closes) {
    if (closes >= start) {
      problems.push(problem('bookingClosesAt', 'BOOKING_CLOSES_AFTER_START', 'Booking must close before the session starts.'));
    } else if (closes <= now) {
      problems.push(problem('bookingClosesAt', 'BOOKING_ALREADY_CLOSED', 'Booking would already be closed: choose a later time.'));
    }
  }
  if (problems.length > 0 || !start || !end || !closes) return { ok: false, problems };
  return {
    ok: true,
    value: { startsAt: start.toISOString(), endsAt: end.toISOString(), bookingClosesAt: closes.toISOString() },
  };
}
