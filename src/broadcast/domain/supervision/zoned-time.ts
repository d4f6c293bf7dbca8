import { instantOfWall, isKnownTimeZone, wallTimeAt as wallTimeOf, type WallTime as KernelWallTime } from '../../../platform/kernel/time/zoned-time.js';

/** A calendar day, month 1..12. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock reading in some zone, to the minute. */
export type WallTime = KernelWallTime;

export { isKnownTimeZone };

/** What a clock on the wall in `timeZone` shows at `epochMs` (to the minute). */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  return wallTimeOf(new Date(epochMs), timeZone);
}

/**
 * The instant a wall clock in `timeZone` shows `wall`. A time that happens twice (clocks going back) gives the earlier;
 * a time that never happens (clocks going forward) is moved on by the length of the gap, as a calendar would.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  return instantOfWall(wall, timeZone, 'moveOn')!;
}

export function dayAfter(day: CalendarDay, count = 1): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + count));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export function formatDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** The parts of a real date written "YYYY-MM-DD", or undefined. */
export function parseDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatDay(dayAfter(day, 0)) === text ? day : undefined;
}
