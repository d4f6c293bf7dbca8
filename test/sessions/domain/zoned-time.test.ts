import { describe, expect, it } from 'vitest';
import { isTimeZone, localToUtc, parseDateTimeInput, toLocal } from '../../../src/sessions/domain/index.js';

const london = 'Europe/London';

describe('localToUtc', () => {
  it.each([
    ['a winter time', { year: 2026, month: 11, day: 30, hour: 9, minute: 30 }, '2026-11-30T09:30:00.000Z'],
    ['a summer time', { year: 2026, month: 7, day: 1, hour: 9, minute: 30 }, '2026-07-01T08:30:00.000Z'],
    ['the first of a time that happens twice', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, '2026-10-25T00:30:00.000Z'],
    ['midnight', { year: 2026, month: 12, day: 31, hour: 0, minute: 0 }, '2026-12-31T00:00:00.000Z'],
  ])('%s', (_name, local, expected) => {
    expect(localToUtc(local, london)?.toISOString()).toBe(expected);
  });

  it('gives nothing for a time the clocks skip', () => {
    expect(localToUtc({ year: 2027, month: 3, day: 28, hour: 1, minute: 30 }, london)).toBeUndefined();
  });

  it('round-trips through toLocal', () => {
    const local = { year: 2027, month: 4, day: 2, hour: 18, minute: 45 };
    expect(toLocal(localToUtc(local, 'America/New_York')!, 'America/New_York')).toEqual(local);
  });
});

describe('parseDateTimeInput', () => {
  it.each([
    ['2026-11-30 09:30', '2026-11-30T09:30:00.000Z'],
    ['2026-11-30T09:30', '2026-11-30T09:30:00.000Z'],
    ['2026-06-30T09:30:15', '2026-06-30T08:30:15.000Z'],
    ['2026-06-30T09:30:00Z', '2026-06-30T09:30:00.000Z'],
    ['2026-06-30T09:30:00.5+01:00', '2026-06-30T08:30:00.500Z'],
    ['2026-11-30T09:30:00.000Z', '2026-11-30T09:30:00.000Z'],
    [' 2024-02-29 12:00 ', '2024-02-29T12:00:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(parseDateTimeInput(text, london)?.toISOString()).toBe(expected);
  });

  it.each(['', '2026-11-30', '30/11/2026 09:30', '2026-13-01 09:30', '2025-02-29 09:30', '2026-11-30 24:00', '2026-11-30 09:60',
    '2026-11-30T09:30+15:00', '1066-10-14 09:00', 'tomorrow'])('refuses %j', (text) => {
    expect(parseDateTimeInput(text, london)).toBeUndefined();
  });

  it.each([undefined, null, 42, {}, []])('refuses %j that is not text', (value) => {
    expect(parseDateTimeInput(value, london)).toBeUndefined();
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/London', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    [42, false],
  ])('%j is %s', (value, expected) => {
    expect(isTimeZone(value)).toBe(expected);
  });
});
