import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { DEFAULT_TIME_ZONE, instantOfWall, isKnownTimeZone, wallClockAt as wallClockIn, type WallClock } from '../../platform/kernel/time/zoned-time.js';

export { DEFAULT_TIME_ZONE };
export type { WallClock };

export function checkTimeZone(timeZone: string): Result<string, 'TIME_ZONE_INVALID'> {
  if (isKnownTimeZone(timeZone)) return ok(timeZone);
  return fail('TIME_ZONE_INVALID', `"${timeZone}" is not a time zone this system knows (use an IANA name such as Europe/London).`);
}

/** What a clock on the wall in `timeZone` shows at `instant`. Throws RangeError for an unknown zone (config is checked at start-up). */
export function wallClockAt(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): WallClock {
  return wallClockIn(instant, timeZone);
}

/** The first instant of a local calendar day: midnight, or the end of the gap where a zone skips midnight. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return new Date(instantOfWall({ year, month, day, hour: 0, minute: 0 }, timeZone, 'moveOn')!);
}
