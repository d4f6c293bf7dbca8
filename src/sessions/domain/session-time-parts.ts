import { problem, type FieldProblem } from '../../platform/kernel/validation/index.js';
import { formatterPerZone } from '../../platform/kernel/time/formatter-per-zone.js';
import { checkSessionTimes, type SessionTimesCheck } from './session-times.js';

/**
 * A session's times as the new-session card sends them: a day from Input.Date (YYYY-MM-DD), a start and an end from
 * Input.Time (HH:mm), and booking's close as a day and a time (both optional).
 */
export interface SessionTimePartsInput {
  readonly date?: unknown;
  readonly startTime?: unknown;
  readonly endTime?: unknown;
  readonly closesDate?: unknown;
  readonly closesTime?: unknown;
}

export const TIME_PART_FIELDS = ['date', 'startTime', 'endTime', 'closesDate', 'closesTime'] as const;

/** Whether a form carries its times as the card's day and time inputs (else as typed date-times, startsAt and endsAt). */
export function hasTimeParts(input: object): boolean {
  return TIME_PART_FIELDS.some((field) => (input as Record<string, unknown>)[field] !== undefined);
}

/**
 * Reads the day and the times, then checks them as `checkSessionTimes` does (real, ahead, end after start, booking
 * closing before the start), each problem under the card's own field. `now` makes the example in a message a day
 * still ahead, written as people read dates ("Mon 30 Nov 2026").
 */
export function checkSessionTimeParts(input: SessionTimePartsInput, timeZone: string, now: Date): SessionTimesCheck {
  const example = exampleDay(now, timeZone);
  const problems: FieldProblem[] = [];
  const date = readDay(input.date);
  const start = readTime(input.startTime);
  const end = readTime(input.endTime);
  if (!date) problems.push(problem('date', 'DATE_INVALID', `Please choose the day of the session, such as ${example}.`));
  if (!start) problems.push(problem('startTime', 'START_INVALID', 'Please give the start time, such as 09:30.'));
  if (!end) problems.push(problem('endTime', 'END_INVALID', 'Please give the end time, such as 16:30.'));
  const closes = readClosing(input, example, problems);
  if (!date || !start || !end) return { ok: false, problems };
  // Every problem at once: the day and times are checked even when booking's close could not be read.
  const checked = checkSessionTimes({ startsAt: `${date} ${start}`, endsAt: `${date} ${end}`, ...(closes ? { bookingClosesAt: closes } : {}) }, timeZone, now);
  const all = [...problems, ...(checked.ok ? [] : checked.problems.map((each) => underPart(each)))];
  return all.length > 0 ? { ok: false, problems: all } : checked;
}

/** Booking's close: nothing (it closes at the start), or a day and a time together. */
function readClosing(input: SessionTimePartsInput, example: string, problems: FieldProblem[]): string | undefined {
  const dayGiven = given(input.closesDate);
  const timeGiven = given(input.closesTime);
  if (!dayGiven && !timeGiven) return undefined;
  const day = dayGiven ? readDay(input.closesDate) : undefined;
  const time = timeGiven ? readTime(input.closesTime) : undefined;
  if (!day) problems.push(problem('closesDate', 'BOOKING_CLOSE_INVALID', dayGiven ? `Please choose the day booking closes, such as ${example}.` : 'Please choose the day booking closes as well as the time.'));
  if (!time) problems.push(problem('closesTime', 'BOOKING_CLOSE_INVALID', timeGiven ? 'Please give the time booking closes, such as 17:00.' : 'Please give the time booking closes as well as the day.'));
  return day && time ? `${day} ${time}` : undefined;
}

/** The combined check's problems, put under the part of the card they are about. */
function underPart(each: FieldProblem): FieldProblem {
  if (each.field === 'startsAt') {
    // A day and time that parse but do not exist there (the clocks go forward through it), or a start in the past.
    const message = each.code === 'START_INVALID' ? 'That start time does not exist on that day (the clocks change): please choose another.' : 'The session would start in the past: please choose a later day or time.';
    return problem(each.code === 'START_INVALID' ? 'startTime' : 'date', each.code, message);
  }
  if (each.field === 'endsAt') return problem('endTime', each.code, each.code === 'END_INVALID' ? 'That end time does not exist on that day (the clocks change): please choose another.' : each.message);
  if (each.field === 'bookingClosesAt') return problem('closesDate', each.code, each.message);
  return each;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const WRITTEN_DAY = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * A day as YYYY-MM-DD: what Input.Date sends, or (where a client shows a plain text box) a UK day typed as
 * 20/01/2027 or "Mon 9 Nov 2026". Undefined when it is not a real day.
 */
export function readDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let parts: [number, number, number] | undefined;
  const iso = ISO_DAY.exec(text);
  const uk = UK_DAY.exec(text);
  const written = WRITTEN_DAY.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) parts = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else if (written) {
    const word = written[2]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3)) && name.startsWith(word)) + 1;
    if (month > 0) parts = [Number(written[3]), month, Number(written[1])];
  }
  if (!parts) return undefined;
  const [year, month, day] = parts;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

/** A time of day as HH:mm: what Input.Time sends (HH:mm, some clients HH:mm:ss), or 9:30 / 9.30 typed. */
export function readTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIME.exec(value.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59 || Number(match[3] ?? 0) > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

const DAY = formatterPerZone({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A day four weeks ahead, as people read it ("Mon 30 Nov 2026"): an example that is never in the past. */
export function exampleDay(now: Date, timeZone: string): string {
  return DAY(timeZone).format(new Date(now.getTime() + 28 * 86_400_000)).replace(',', '');
}
