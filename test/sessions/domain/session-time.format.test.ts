import { describe, expect, it } from 'vitest';
import { formatSessionTime, localToUtc } from '../../../src/sessions/domain/index.js';

const london = 'Europe/London';

describe('formatSessionTime', () => {
  it('formats a winter day in GMT', () => {
    expect(formatSessionTime({ startsAt: '2026-11-30T09:30:00.000Z', endsAt: '2026-11-30T16:30:00.000Z', timeZone: london })).toBe(
      'Mon 30 Nov 2026, 09:30–16:30 (GMT)',
    );
  });

  // The clocks go back at 02:00 BST on Sunday 25 October 2026, the last Sunday of October.
  it.each([
    ['Saturday before', '2026-10-24T08:30:00.000Z', '2026-10-24T15:30:00.000Z', 'Sat 24 Oct 2026, 09:30–16:30 (BST)'],
    ['Monday after', '2026-10-26T09:30:00.000Z', '2026-10-26T16:30:00.000Z', 'Mon 26 Oct 2026, 09:30–16:30 (GMT)'],
  ])('shows the local hours on the %s the October clock change', (_name, startsAt, endsAt, expected) => {
    expect(formatSessionTime({ startsAt, endsAt, timeZone: london })).toBe(expected);
  });

  it('stores the same local hours either side of the change as different UTC instants', () => {
    const saturday = localToUtc({ year: 2026, month: 10, day: 24, hour: 9, minute: 30 }, london);
    const monday = localToUtc({ year: 2026, month: 10, day: 26, hour: 9, minute: 30 }, london);
    expect(saturday?.toISOString()).toBe('2026-10-24T08:30:00.000Z');
    expect(monday?.toISOString()).toBe('2026-10-26T09:30:00.000Z');
  });

  it('names both zones for a session across the change itself', () => {
    expect(formatSessionTime({ startsAt: '2026-10-24T23:00:00.000Z', endsAt: '2026-10-25T03:00:00.000Z', timeZone: london })).toBe(
      'Sun 25 Oct 2026, 00:00 (BST) – 03:00 (GMT)',
    );
  });

  it('gives the end date when a session runs past midnight', () => {
    expect(formatSessionTime({ startsAt: '2026-11-30T20:00:00.000Z', endsAt: '2026-12-01T01:00:00.000Z', timeZone: london })).toBe(
      'Mon 30 Nov 2026, 20:00 (GMT) – Tue 1 Dec 2026, 01:00 (GMT)',
    );
  });

  it('uses the session time zone, not the server one', () => {
    expect(
      formatSessionTime({ startsAt: '2026-11-30T09:30:00.000Z', endsAt: '2026-11-30T16:30:00.000Z', timeZone: 'Asia/Kolkata' }),
    ).toBe('Mon 30 Nov 2026, 15:00–22:00 (GMT+5:30)');
  });
});
