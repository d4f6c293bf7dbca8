import { instantOfWall, isKnownTimeZone, wallTimeAt, type WallTime } from '../../platform/kernel/time/zoned-time.js';

/** Wall-clock time in a named zone, to the minute. */
export type LocalDateTime = WallTime;

export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 64 && isKnownTimeZone(value);
}

export function toLocal(date: Date, timeZone: string): LocalDateTime {
  return wallTimeAt(date, timeZone);
}

/**
 * The instant a wall-clock time names in a zone. Undefined for a time the clocks skip (spring forward);
 * for a time that happens twice (autumn back) the first one, as a person reading the clock would expect.
 */
export function localToUtc(local: LocalDateTime, timeZone: string): Date | undefined {
  const at = instantOfWall(local, timeZone, 'refuse');
  return at === undefined ? undefined : new Date(at);
}
