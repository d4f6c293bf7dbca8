import { checkFreeText } from '../../platform/kernel/text/index.js';
import { invalidInput, problem, type FieldProblem, type InputResult } from '../../platform/kernel/validation/index.js';
import { textProblem } from './problems.js';
import {
  DEFAULT_TIME_ZONE,
  isSessionKind,
  MAX_SEATS,
  MAX_TITLE_LENGTH,
  MAX_VENUE_LENGTH,
  MIN_SEATS,
  SESSION_KINDS,
  type SessionDraft,
  type SessionLocation,
} from './session.js';
import { readSeatsInput } from './seats-input.js';
import { checkSessionTimes } from './session-times.js';
import { checkSessionTimeParts, hasTimeParts, type SessionTimePartsInput } from './session-time-parts.js';
import { isTimeZone } from './zoned-time.js';

/**
 * The coordinator's `new session` form as it arrives from a card: every field unchecked. The card sends the day and
 * times as `date`, `startTime`, `endTime` (and `closesDate`, `closesTime`); `startsAt`, `endsAt` and `bookingClosesAt`
 * are the same as typed date-times ("2026-11-30 09:30"), as the card sent them before it had date and time inputs.
 */
export interface NewSessionInput extends SessionTimePartsInput {
  readonly kind?: unknown;
  readonly title?: unknown;
  readonly startsAt?: unknown;
  readonly endsAt?: unknown;
  readonly timeZone?: unknown;
  /** 'online' or 'inPerson'; when missing, a venue means in person. */
  readonly location?: unknown;
  readonly venue?: unknown;
  readonly seats?: unknown;
  readonly bookingClosesAt?: unknown;
}

export interface NewSessionContext {
  /** Made by the caller, so that this stays pure. */
  readonly id: string;
  readonly now: Date;
  readonly defaultTimeZone?: string;
}

export type NewSessionResult = InputResult<SessionDraft, 'INVALID_NEW_SESSION'>;

/** Checks every field and reports every problem at once; a draft only when nothing is wrong. */
export function parseNewSession(input: unknown, context: NewSessionContext): NewSessionResult {
  const form: NewSessionInput = typeof input === 'object' && input !== null ? input : {};
  const problems: FieldProblem[] = [];
  const kind = isSessionKind(form.kind) ? form.kind : undefined;
  if (!kind) problems.push(problem('kind', 'UNKNOWN_KIND', `Please choose a kind of session: ${SESSION_KINDS.join(', ')}.`));
  const title = readTitle(form.title, problems);
  const timeZone = readTimeZone(form.timeZone, context.defaultTimeZone ?? DEFAULT_TIME_ZONE, problems);
  const location = readLocation(form.location, form.venue, problems);
  const seats = readSeats(form.seats, problems);
  // The card sends a day and times (YYYY-MM-DD, HH:mm); a form typed as date-times ("2026-11-30 09:30") still reads.
  const zone = timeZone ?? DEFAULT_TIME_ZONE;
  const times = hasTimeParts(form) ? checkSessionTimeParts(form, zone, context.now) : checkSessionTimes(form, zone, context.now);
  if (!times.ok) problems.push(...times.problems);
  if (problems.length > 0 || !kind || title === undefined || !timeZone || !location || seats === undefined || !times.ok) {
    return invalidInput('INVALID_NEW_SESSION', problems);
  }
  return { ok: true, value: { id: context.id, kind, title, timeZone, location, seats, ...times.value } };
}

function readTitle(value: unknown, problems: FieldProblem[]): string | undefined {
  const title = checkFreeText(value, { label: 'The title', max: MAX_TITLE_LENGTH, required: true, whenMissing: 'Please give the session a title.' });
  if (title.ok) return title.value;
  problems.push(textProblem('title', 'TITLE', title.error));
  return undefined;
}

function readTimeZone(value: unknown, fallback: string, problems: FieldProblem[]): string | undefined {
  const timeZone = value === undefined || value === '' ? fallback : value;
  if (isTimeZone(timeZone)) return timeZone;
  problems.push(problem('timeZone', 'UNKNOWN_TIME_ZONE', 'Please give a time zone such as Europe/London.'));
  return undefined;
}

export function readLocation(type: unknown, venueValue: unknown, problems: FieldProblem[]): SessionLocation | undefined {
  const venue = checkFreeText(venueValue, { label: 'The venue', max: MAX_VENUE_LENGTH, required: true, whenMissing: 'Please give the venue for a session in person.' });
  const venueTyped = venue.ok || venue.error.code !== 'TEXT_MISSING';
  const chosen = type === undefined || type === '' ? (venueTyped ? 'inPerson' : undefined) : type;
  if (chosen === 'online') return { type: 'online' };
  if (chosen !== 'inPerson') {
    problems.push(problem('location', 'LOCATION_REQUIRED', 'Please choose online or in person.'));
    return undefined;
  }
  if (venue.ok) return { type: 'inPerson', venue: venue.value };
  problems.push(textProblem('venue', 'VENUE', venue.error));
  return undefined;
}

export function readSeats(value: unknown, problems: FieldProblem[]): number | undefined {
  const seats = readSeatsInput(value);
  if (seats !== undefined && Number.isInteger(seats) && seats >= MIN_SEATS && seats <= MAX_SEATS) return seats;
  problems.push(problem('seats', 'INVALID_SEATS', `Seats must be a whole number from ${MIN_SEATS} to ${MAX_SEATS}.`));
  return undefined;
}
