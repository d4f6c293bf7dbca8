import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeDay } from '../../../src/sessions/domain/index.js';

const LONDON = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('relativeDay: when a session starts, in words, by the calendar on the wall', () => {
  it.each([
    ['a minute before (the bug: this said "tomorrow")', '2026-11-30T09:29:00Z', '2026-11-30T09:30:00Z', 'today at 09:30'],
    ['later the same afternoon', '2026-11-30T08:00:00Z', '2026-11-30T15:40:00Z', 'today at 15:40'],
    ['the evening before, 12 hours ahead', '2026-11-29T21:30:00Z', '2026-11-30T09:30:00Z', 'tomorrow at 09:30'],
    ['across midnight, 20 minutes ahead', '2026-11-29T23:50:00Z', '2026-11-30T00:10:00Z', 'tomorrow at 00:10'],
    ['just before midnight, a start just after the next midnight', '2026-11-29T00:01:00Z', '2026-11-30T23:59:00Z', 'tomorrow at 23:59'],
    ['over a week ahead', '2026-11-01T12:00:00Z', '2026-11-09T10:00:00Z', 'on Monday 9 November'],
    ['two days ahead', '2026-11-28T09:00:00Z', '2026-11-30T09:30:00Z', 'on Monday 30 November'],
    ['across the year end', '2026-12-31T23:59:00Z', '2027-01-01T00:01:00Z', 'tomorrow at 00:01'],
    // BST: 23:50 on Saturday 24 October is 22:50 UTC; 00:10 on Sunday is still 24 October in UTC.
    ['across midnight in BST, the same UTC date', '2026-10-24T22:50:00Z', '2026-10-24T23:10:00Z', 'tomorrow at 00:10'],
    // The night the clocks go back (02:00 BST becomes 01:00 GMT on 25 October 2026): 25 hours in the day.
    ['the night the clocks go back, after the change', '2026-10-24T23:30:00Z', '2026-10-25T09:30:00Z', 'today at 09:30'],
    ['the morning after the clocks went back, in GMT', '2026-10-25T08:00:00Z', '2026-10-26T09:30:00Z', 'tomorrow at 09:30'],
    // The clocks go forward at 01:00 GMT on 28 March 2027: 24 hours ahead is already two days on the wall.
    ['24 hours across the spring change, two dates on', '2027-03-27T23:30:00Z', '2027-03-28T23:30:00Z', 'on Monday 29 March'],
    ['in BST, the wall time not UTC', '2027-06-14T06:00:00Z', '2027-06-14T08:30:00Z', 'today at 09:30'],
  ])('%s', (_name, now, startsAt, expected) => {
    expect(relativeDay(at(startsAt), at(now), LONDON)).toBe(expected);
  });

  it('reads the session\'s own zone, not the server\'s', () => {
    expect(relativeDay(at('2026-11-30T04:30:00Z'), at('2026-11-29T20:00:00Z'), 'America/New_York')).toBe('today at 23:30');
  });

  /** An oracle independent of the code under test: the wall date from Intl, as YYYY-MM-DD, then whole days between. */
  const dateOnWall = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 0, 1) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
  const ahead = fc.integer({ min: 0, max: 40 * 24 * 60 });
  const zone = fc.constantFrom(LONDON, 'Europe/Paris', 'America/New_York', 'Australia/Sydney', 'UTC');

  it('says today, tomorrow or the day by the wall dates, for any moment and any start in the next 40 days', () => {
    fc.assert(
      fc.property(instant, ahead, zone, (now, minutes, timeZone) => {
        const startsAt = new Date(now.getTime() + minutes * 60_000);
        const days = daysBetween(dateOnWall(now, timeZone), dateOnWall(startsAt, timeZone));
        const said = relativeDay(startsAt, now, timeZone);
        const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
        if (days === 0) expect(said).toBe(`today at ${time}`);
        else if (days === 1) expect(said).toBe(`tomorrow at ${time}`);
        else expect(said).toMatch(/^on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never says "tomorrow" for a start later the same wall day, however close to midnight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 1438 }), (year, month, day, minute) => {
        // Noon UTC of that date is on the same London wall date in any season, and London is a whole number of hours ahead.
        const noon = Date.UTC(year, month - 1, day, 12);
        const hourOnWall = Number(new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: 'numeric', hourCycle: 'h23' }).format(noon));
        const wallMidnight = noon - hourOnWall * 3_600_000;
        const now = new Date(wallMidnight + minute * 60_000);
        const startsAt = new Date(now.getTime() + 60_000);
        if (dateOnWall(now, LONDON) !== dateOnWall(startsAt, LONDON)) return;
        expect(relativeDay(startsAt, now, LONDON)).toMatch(/^today at /);
      }),
      { numRuns: 1000 },
    );
  });
});
