/** Wall-clock time in a named zone, worked out with Intl only. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function numericFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    numericFormatter(value);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(date: Date, timeZone: string): LocalDateTime {
  const parts = numericFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

function sameLocal(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

function offsetMs(at: number, timeZone: string): number {
  const local = toLocal(new Date(at), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - (at - (((at % 60_000) + 60_000) % 60_000));
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time names in a zone. Undefined for a time the clocks skip (spring forward);
 * for a time that happens twice (autumn back) the first one, as a person reading the clock would expect.
 */
export function localToUtc(local: LocalDateTime, timeZone: string): Date | undefined {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  if (!Number.isFinite(guess)) return undefined;
  const candidates = [guess - offsetMs(guess - DAY_MS, timeZone), guess - offsetMs(guess + DAY_MS, timeZone)]
    .filter((at) => sameLocal(toLocal(new Date(at), timeZone), local))
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? undefined : new Date(first);
}
