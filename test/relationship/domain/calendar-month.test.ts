import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkTimeZone,
  localDateOf,
  monthBounds,
  monthOf,
  monthsBetween,
  monthsElapsed,
  nextMonth,
  parseLocalDate,
  previousMonth,
  startOfLocalDay,
} from '../../../src/relationship/domain/index.js';

const HOUR = 3_600_000;

describe('monthOf: the month an instant falls in on the council calendar', () => {
  it.each([
    ['winter, plain UTC', '2025-01-31T23:59:59Z', 'Europe/London', '2025-01'],
    ['summer time: 23:30 UTC on 31 March is 00:30 on 1 April', '2025-03-31T23:30:00Z', 'Europe/London', '2025-04'],
    ['summer time: last minute of June', '2025-06-30T22:59:59Z', 'Europe/London', '2025-06'],
    ['summer time: first minute of July', '2025-06-30T23:00:00Z', 'Europe/London', '2025-07'],
    ['after the October change 23:30 UTC is still October', '2025-10-31T23:30:00Z', 'Europe/London', '2025-10'],
    ['new year in New York is later', '2026-01-01T03:00:00Z', 'America/New_York', '2025-12'],
    ['new year in Auckland is earlier', '2025-12-31T12:00:00Z', 'Pacific/Auckland', '2026-01'],
  ])('%s', (_name, instant, zone, month) => {
    expect(monthOf(new Date(instant), zone)).toBe(month);
  });

  it('defaults to Europe/London', () => {
    expect(monthOf(new Date('2025-08-31T23:30:00Z'))).toBe('2025-09');
  });
});

describe('monthBounds: where a month starts and ends', () => {
  it.each([
    ['January (31 days)', '2025-01', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', 31 * 24],
    ['February (28 days)', '2025-02', '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z', 28 * 24],
    ['February in a leap year (29 days)', '2024-02', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', 29 * 24],
    ['March loses an hour to the clock change', '2025-03', '2025-03-01T00:00:00Z', '2025-03-31T23:00:00Z', 31 * 24 - 1],
    ['April (30 days, summer time)', '2025-04', '2025-03-31T23:00:00Z', '2025-04-30T23:00:00Z', 30 * 24],
    ['October gains an hour back', '2025-10', '2025-09-30T23:00:00Z', '2025-11-01T00:00:00Z', 31 * 24 + 1],
    ['December runs into the next year', '2025-12', '2025-12-01T00:00:00Z', '2026-01-01T00:00:00Z', 31 * 24],
  ])('%s', (_name, month, start, end, hours) => {
    const bounds = monthBounds(month, 'Europe/London');
    expect(bounds.start.toISOString()).toBe(new Date(start).toISOString());
    expect(bounds.end.toISOString()).toBe(new Date(end).toISOString());
    expect((bounds.end.getTime() - bounds.start.getTime()) / HOUR).toBe(hours);
  });

  it('agrees with monthOf at both edges, in several zones', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      for (const month of ['2025-03', '2025-04', '2025-10', '2025-11']) {
        const { start, end } = monthBounds(month, zone);
        expect(monthOf(start, zone)).toBe(month);
        expect(monthOf(new Date(start.getTime() - 1), zone)).toBe(previousMonth(month));
        expect(monthOf(end, zone)).toBe(nextMonth(month));
        expect(monthOf(new Date(end.getTime() - 1), zone)).toBe(month);
      }
    }
  });

  it('starts a day at the end of the gap where a zone skips midnight (Santiago, September 2025)', () => {
    const start = startOfLocalDay(2025, 9, 7, 'America/Santiago');
    expect(start.toISOString()).toBe('2025-09-07T04:00:00.000Z');
    expect(localDateOf(start, 'America/Santiago')).toBe('2025-09-07');
    expect(localDateOf(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2025-09-06');
  });
});

describe('monthsElapsed: whole months since a match started', () => {
  it.each([
    ['same day', '2025-01-15T10:00:00Z', '2025-01-15T18:00:00Z', 0],
    ['one day short of a month', '2025-01-15T10:00:00Z', '2025-02-14T10:00:00Z', 0],
    ['a month to the day', '2025-01-15T10:00:00Z', '2025-02-15T08:00:00Z', 1],
    ['from the 31st: 28 February completes a month', '2025-01-31T12:00:00Z', '2025-02-28T09:00:00Z', 1],
    ['from the 31st: 27 February does not', '2025-01-31T12:00:00Z', '2025-02-27T09:00:00Z', 0],
    ['from the 31st: 29 February in a leap year', '2024-01-31T12:00:00Z', '2024-02-29T09:00:00Z', 1],
    ['from the 31st: 28 February in a leap year does not', '2024-01-31T12:00:00Z', '2024-02-28T09:00:00Z', 0],
    ['from the 31st: 30 April completes 3 months', '2025-01-31T12:00:00Z', '2025-04-30T09:00:00Z', 3],
    ['from the 31st: 30 March is not yet 2 months', '2025-01-31T12:00:00Z', '2025-03-30T09:00:00Z', 1],
    ['from the 30th: February end counts', '2025-01-30T12:00:00Z', '2025-02-28T09:00:00Z', 1],
    ['across the March change: 00:30 BST on 1 April is April', '2025-03-01T00:30:00Z', '2025-03-31T23:30:00Z', 1],
    ['across the October change: 23:30 UTC on 31 October is still October', '2025-09-30T23:30:00Z', '2025-10-31T23:30:00Z', 0],
    ['across the October change: 00:30 GMT on 1 November', '2025-09-30T23:30:00Z', '2025-11-01T00:30:00Z', 1],
    ['a start at 23:30 UTC in summer is the next day locally', '2025-06-30T23:30:00Z', '2025-07-30T12:00:00Z', 0],
    ['six months', '2025-01-31T12:00:00Z', '2025-07-31T12:00:00Z', 6],
    ['eighteen months', '2024-08-31T12:00:00Z', '2026-02-28T12:00:00Z', 18],
    ['now before start gives 0', '2025-05-01T12:00:00Z', '2025-04-01T12:00:00Z', 0],
  ])('%s', (_name, start, now, months) => {
    expect(monthsElapsed(new Date(start), new Date(now), 'Europe/London')).toBe(months);
  });
});

describe('month and date arithmetic', () => {
  it.each([
    ['2025-01', 1, '2025-02'],
    ['2025-12', 1, '2026-01'],
    ['2025-01', -1, '2024-12'],
  ])('%s shifted by %i is %s', (month, count, expected) => {
    expect(count > 0 ? nextMonth(month) : previousMonth(month)).toBe(expected);
  });

  it.each([
    ['2025-01', '2025-01', 0],
    ['2024-08', '2026-02', 18],
    ['2025-03', '2025-01', -2],
  ])('months from %s to %s: %i', (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it.each([
    [{ year: 2025, month: 1, day: 31 }, 1, { year: 2025, month: 2, day: 28 }],
    [{ year: 2024, month: 1, day: 31 }, 1, { year: 2024, month: 2, day: 29 }],
    [{ year: 2025, month: 8, day: 31 }, 6, { year: 2026, month: 2, day: 28 }],
    [{ year: 2025, month: 3, day: 15 }, 18, { year: 2026, month: 9, day: 15 }],
    [{ year: 2025, month: 3, day: 31 }, -1, { year: 2025, month: 2, day: 28 }],
  ])('addMonths(%o, %i)', (date, count, expected) => {
    expect(addMonths(date, count)).toEqual(expected);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '25-01-01', '2025-04-31', ''])('"%s" is not a date', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });

  it('refuses an unknown time zone with a clear message', () => {
    const result = checkTimeZone('Europe/Atlantis');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('TIME_ZONE_INVALID');
    expect(checkTimeZone('Europe/London')).toEqual({ ok: true, value: 'Europe/London' });
  });
});
