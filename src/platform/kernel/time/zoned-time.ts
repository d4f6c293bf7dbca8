import { formatterPerZone } from './formatter-per-zone.js';

/** The council's zone, wherever a zone is not configured. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** A wall-clock reading in a named (IANA) zone, to the minute; month 1..12. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Wall-clock time in a named (IANA) zone, to the second, worked out with Intl only: the one implementation the domain uses. */
export interface WallClock extends WallTime {
  readonly second: number;
}

const DAY_MS = 86_400_000;
const formatterFor = formatterPerZone({
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** True when the runtime knows `timeZone` as an IANA name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock on the wall in `timeZone` shows at `instant`. Throws RangeError for an unknown zone. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
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

/** What a clock on the wall in `timeZone` shows at `instant`, to the minute. Throws RangeError for an unknown zone. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = wallClockAt(instant, timeZone);
  return { year, month, day, hour, minute };
}

export type SkippedTime = 'moveOn' | 'refuse';

/**
 * The instant a wall clock in `timeZone` shows `wall`. A time that happens twice (clocks going back) gives the earlier.
 * A time that never happens (clocks going forward) is either moved on by the length of the gap, as a calendar would
 * (`moveOn`), or refused with undefined (`refuse`).
 */
export function instantOfWall(wall: WallTime & { second?: number }, timeZone: string, skipped: SkippedTime): number | undefined {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  if (!Number.isFinite(local)) return undefined;
  const before = local - offsetAt(local - DAY_MS, timeZone);
  const after = local - offsetAt(local + DAY_MS, timeZone);
  const exact = [before, after].filter((at) => wallAsUtc(wallClockAt(new Date(at), timeZone)) === local).sort((a, b) => a - b);
  return exact[0] ?? (skipped === 'moveOn' ? before : undefined);
}

function wallAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Milliseconds the zone is ahead of UTC at `epochMs` (zones have no offsets finer than a second today). */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallAsUtc(wallClockAt(new Date(epochMs), timeZone)) - Math.floor(epochMs / 1000) * 1000;
}
