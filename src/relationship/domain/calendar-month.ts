import { daysInMonth, pad2, parseLocalDate, type DateParts, type LocalDate } from './local-date.js';
import { DEFAULT_TIME_ZONE, startOfLocalDay, wallClockAt } from './time-zone.js';

/** A calendar month in the council's calendar: "YYYY-MM". Compares correctly as a string. */
export type MonthKey = string;

export interface MonthBounds {
  /** First instant of the month. */
  readonly start: Date;
  /** First instant of the next month (exclusive). */
  readonly end: Date;
}

export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

/** The month an instant falls in, as the council's calendar shows it. */
export function monthOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): MonthKey {
  const wall = wallClockAt(instant, timeZone);
  return monthKey(wall.year, wall.month);
}

export function monthOfDate(date: LocalDate): MonthKey {
  return date.slice(0, 7);
}

export function parseMonthKey(month: MonthKey): { year: number; month: number } | undefined {
  const parts = parseLocalDate(`${month}-01`);
  return parts === undefined ? undefined : { year: parts.year, month: parts.month };
}

function partsOf(month: MonthKey): { year: number; month: number } {
  const parts = parseMonthKey(month);
  if (parts === undefined) throw new RangeError(`Not a month: "${month}" (expected YYYY-MM).`);
  return parts;
}

export function shiftMonth(month: MonthKey, count: number): MonthKey {
  const parts = partsOf(month);
  const index = parts.year * 12 + (parts.month - 1) + count;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

export function nextMonth(month: MonthKey): MonthKey {
  return shiftMonth(month, 1);
}

export function previousMonth(month: MonthKey): MonthKey {
  return shiftMonth(month, -1);
}

/** How many months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export function daysInMonthKey(month: MonthKey): number {
  const parts = partsOf(month);
  return daysInMonth(parts.year, parts.month);
}

/** Where a month begins and ends in the zone: a month holding a clock change is an hour shorter or longer. */
export function monthBounds(month: MonthKey, timeZone: string = DEFAULT_TIME_ZONE): MonthBounds {
  const parts = partsOf(month);
  const following = partsOf(nextMonth(month));
  return {
    start: startOfLocalDay(parts.year, parts.month, 1, timeZone),
    end: startOfLocalDay(following.year, following.month, 1, timeZone),
  };
}

/**
 * Whole months from one calendar day to another: a month is complete on the same day of a later month,
 * or on that month's last day when it is shorter (a match from 31 January has run 1 month on 28 February).
 */
export function monthsElapsedBetween(start: DateParts, today: DateParts): number {
  let months = (today.year - start.year) * 12 + (today.month - start.month);
  if (today.day < Math.min(start.day, daysInMonth(today.year, today.month))) months -= 1;
  return Math.max(0, months);
}

/** Whole months since a match started, counted on the council's calendar (days, not hours, so clock changes do not matter). */
export function monthsElapsed(startedAt: Date, now: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return monthsElapsedBetween(wallClockAt(startedAt, timeZone), wallClockAt(now, timeZone));
}
