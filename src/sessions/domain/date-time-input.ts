import { localToUtc } from './zoned-time.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

type Numbers6 = [number, number, number, number, number, number];

/**
 * A date and time typed into a form: `2026-11-30T09:30` is wall-clock time in `timeZone`;
 * with `Z` or `+01:00` it is that exact instant. Undefined when it is not a real time.
 */
export function parseDateTimeInput(text: unknown, timeZone: string): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as Numbers6;
  const extraMs = second * 1000 + Number((match[7] ?? '').padEnd(3, '0'));
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8];
  if (zone === undefined) {
    const local = localToUtc({ year, month, day, hour, minute }, timeZone);
    return local && new Date(local.getTime() + extraMs);
  }
  const offset = zoneOffsetMs(zone);
  if (offset === undefined) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute) + extraMs - offset);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
