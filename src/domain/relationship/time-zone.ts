import { fail, ok, type Result } from '../result.js';

/** The council's zone unless configured otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** A wall-clock reading in some zone. Month is 1..12. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function checkTimeZone(timeZone: string): Result<string, 'TIME_ZONE_INVALID'> {
  try {
    formatterFor(timeZone);
    return ok(timeZone);
  } catch {
    return fail('TIME_ZONE_INVALID', `"${timeZone}" is not a time zone this system knows (use an IANA name such as Europe/London).`);
  }
}

/** What a clock on the wall in `timeZone` shows at `instant`. Throws RangeError for an unknown zone (config is checked at start-up). */
export function wallClockAt(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): WallClock {
  const reading: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') reading[part.type] = Number(part.value);
  }
  return {
    year: reading.year ?? 0,
    month: reading.month ?? 0,
    day: reading.day ?? 0,
    hour: reading.hour ?? 0,
    minute: reading.minute ?? 0,
    second: reading.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `epochMs` (whole seconds; zones have no finer offsets today). */
function offsetMs(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(new Date(epochMs), timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The first instant of a local calendar day: midnight, or the end of the gap where a zone skips midnight. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day);
  const first = offsetMs(wallAsUtc, timeZone);
  let start = wallAsUtc - first;
  const second = offsetMs(start, timeZone);
  if (second !== first) {
    const retry = wallAsUtc - second;
    // Both guesses disagree with their own offsets only inside a gap: the day begins where the gap ends.
    start = offsetMs(retry, timeZone) === second ? retry : Math.max(start, retry);
  }
  return new Date(start);
}
