import { describe, expect, it } from 'vitest';
import { instantOf, parseDay, wallTimeAt } from '../../../../src/broadcast/domain/supervision/zoned-time.js';

describe('instantOf: a local wall clock reading as an instant', () => {
  it.each([
    ['winter', { year: 2026, month: 1, day: 13, hour: 10, minute: 0 }, 'Europe/London', '2026-01-13T10:00:00.000Z'],
    ['summer', { year: 2026, month: 7, day: 14, hour: 10, minute: 0 }, 'Europe/London', '2026-07-14T09:00:00.000Z'],
    ['a time the clocks skip moves on by the gap', { year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/London', '2026-03-29T01:30:00.000Z'],
    ['a time that happens twice takes the first', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['just after the clocks go back', { year: 2026, month: 10, day: 25, hour: 2, minute: 0 }, 'Europe/London', '2026-10-25T02:00:00.000Z'],
    ['a zone behind UTC', { year: 2026, month: 3, day: 8, hour: 3, minute: 0 }, 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['a half-hour zone', { year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
  ])('%s', (_name, wall, zone, expected) => {
    expect(new Date(instantOf(wall, zone)).toISOString()).toBe(expected);
  });

  it('reads back what it was given outside gaps', () => {
    const wall = { year: 2026, month: 10, day: 26, hour: 10, minute: 0 };
    expect(wallTimeAt(instantOf(wall, 'Europe/London'), 'Europe/London')).toEqual(wall);
  });
});

describe('parseDay', () => {
  it.each([
    ['2026-04-06', { year: 2026, month: 4, day: 6 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['2026-02-29', undefined],
    ['2026-13-01', undefined],
    ['2026-4-6', undefined],
    ['', undefined],
  ])('%s', (text, expected) => {
    expect(parseDay(text)).toEqual(expected);
  });
});
