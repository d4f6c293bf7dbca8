import { describe, expect, it } from 'vitest';
import {
  firstExpectedMonth,
  isCoordinatorAlertDue,
  isCountedMonth,
  isNudgeDue,
  minutesByMonth,
  monthCommitment,
  shortfallStreak,
  termStatus,
} from '../../../src/relationship/domain/index.js';

const MEETINGS = [
  { date: '2025-03-01', minutes: 30 },
  { date: '2025-03-31', minutes: 45 },
  { date: '2025-04-01', minutes: 90 },
  { date: '2025-02-28', minutes: 60 },
];

describe('monthCommitment: minutes in a month against the 90-minute expectation', () => {
  it.each([
    ['2025-03', 75, false, 15],
    ['2025-04', 90, true, 0],
    ['2025-02', 60, false, 30],
    ['2025-05', 0, false, 90],
  ])('%s: %i minutes', (month, minutes, met, shortBy) => {
    expect(monthCommitment(MEETINGS, month)).toEqual({ month, minutes, expectedMinutes: 90, met, shortBy });
  });

  it('groups minutes by month', () => {
    expect([...minutesByMonth(MEETINGS)]).toEqual([
      ['2025-03', 75],
      ['2025-04', 90],
      ['2025-02', 60],
    ]);
  });
});

describe('firstExpectedMonth: a part month at the start does not count', () => {
  it.each([
    ['started on the 1st', '2025-03-01T09:00:00Z', '2025-03'],
    ['started on the 2nd', '2025-03-02T09:00:00Z', '2025-04'],
    ['started on the 31st', '2025-01-31T09:00:00Z', '2025-02'],
    ['started 23:30 UTC on 31 May, which is 1 June in London', '2025-05-31T23:30:00Z', '2025-06'],
  ])('%s', (_name, startedAt, month) => {
    expect(firstExpectedMonth(new Date(startedAt))).toBe(month);
  });
});

describe('isNudgeDue: a gentle reminder near the end of a month under 90 minutes', () => {
  const startedAt = new Date('2025-01-15T10:00:00Z');
  it.each([
    ['30 April, 60 minutes, 7 days', '2025-04-30T09:00:00Z', 60, 7, true],
    ['24 April is the first of the last 7 days of a 30-day month', '2025-04-24T09:00:00Z', 60, 7, true],
    ['23 April is too early', '2025-04-23T09:00:00Z', 60, 7, false],
    ['25 March is the first of the last 7 days of a 31-day month', '2025-03-25T09:00:00Z', 0, 7, true],
    ['24 March is too early', '2025-03-24T09:00:00Z', 0, 7, false],
    ['22 February is the first of the last 7 days of February', '2025-02-22T09:00:00Z', 0, 7, true],
    ['21 February is too early', '2025-02-21T09:00:00Z', 0, 7, false],
    ['29 February in a leap year, 3 days', '2024-02-29T09:00:00Z', 0, 3, false],
    ['90 minutes logged: no nudge', '2025-04-30T09:00:00Z', 90, 7, false],
    ['89 minutes logged: nudge', '2025-04-30T09:00:00Z', 89, 7, true],
    ['1 day before the end means the last day only', '2025-04-30T09:00:00Z', 0, 1, true],
    ['1 day before the end, the day before', '2025-04-29T09:00:00Z', 0, 1, false],
    ['23:30 UTC on 23 April is 24 April in London', '2025-04-23T23:30:00Z', 0, 7, true],
    ['the part month the match started in', '2025-01-30T09:00:00Z', 0, 7, false],
  ])('%s', (_name, now, minutesThisMonth, daysBeforeMonthEnd, due) => {
    expect(isNudgeDue({ now: new Date(now), matchStartedAt: startedAt, minutesThisMonth, daysBeforeMonthEnd })).toBe(due);
  });

  it('uses 7 days when not configured', () => {
    expect(isNudgeDue({ now: new Date('2025-04-24T09:00:00Z'), matchStartedAt: startedAt, minutesThisMonth: 0 })).toBe(true);
    expect(isNudgeDue({ now: new Date('2025-04-23T09:00:00Z'), matchStartedAt: startedAt, minutesThisMonth: 0 })).toBe(false);
  });
});

describe('shortfallStreak and isCoordinatorAlertDue: two months running under 90', () => {
  const minutes = new Map([
    ['2025-02', 120],
    ['2025-03', 60],
    ['2025-04', 30],
    ['2025-05', 95],
    ['2025-06', 89],
  ]);

  it.each([
    ['2025-02', 0],
    ['2025-03', 1],
    ['2025-04', 2],
    ['2025-05', 0],
    ['2025-06', 1],
    ['2025-07', 2],
    ['2025-08', 3],
  ])('through %s: %i in a row', (month, streak) => {
    expect(shortfallStreak(minutes, month, '2025-02')).toBe(streak);
  });

  it('does not count months before the first expected one', () => {
    expect(shortfallStreak(new Map(), '2025-03', '2025-03')).toBe(1);
    expect(shortfallStreak(new Map(), '2025-02', '2025-03')).toBe(0);
  });

  it.each([
    ['in May, March and April were short', '2025-05-02T09:00:00Z', true],
    ['in April, only March is over and short', '2025-04-28T09:00:00Z', false],
    ['in June, May was met', '2025-06-10T09:00:00Z', false],
    ['in July, June alone was short', '2025-07-01T09:00:00Z', false],
    ['in August, June and July were short', '2025-08-01T09:00:00Z', true],
    ['23:30 UTC on 30 April is already May in London', '2025-04-30T23:30:00Z', true],
  ])('%s', (_name, now, due) => {
    expect(isCoordinatorAlertDue({ now: new Date(now), matchStartedAt: new Date('2025-01-20T10:00:00Z'), minutesByMonth: minutes })).toBe(due);
  });

  it('is not due for a match only one full month old', () => {
    const startedAt = new Date('2025-03-20T10:00:00Z');
    expect(isCoordinatorAlertDue({ now: new Date('2025-05-02T09:00:00Z'), matchStartedAt: startedAt, minutesByMonth: new Map() })).toBe(false);
    expect(isCoordinatorAlertDue({ now: new Date('2025-06-02T09:00:00Z'), matchStartedAt: startedAt, minutesByMonth: new Map() })).toBe(true);
  });
});

describe('termStatus: months against the 6-month minimum and 18-month maximum', () => {
  const startedAt = new Date('2025-01-31T10:00:00Z');
  it.each([
    ['just matched', '2025-01-31T12:00:00Z', false, 0, false, false, false],
    ['five months', '2025-07-30T12:00:00Z', false, 5, false, false, false],
    ['six months on 31 July: review due', '2025-07-31T12:00:00Z', false, 6, true, true, false],
    ['review already answered', '2025-08-15T12:00:00Z', true, 6, true, false, false],
    ['seventeen months', '2026-07-30T12:00:00Z', true, 17, true, false, false],
    ['eighteen months (31 July 2026): end due', '2026-07-31T12:00:00Z', true, 18, true, false, true],
    ['end due even without a review', '2026-09-01T12:00:00Z', false, 19, true, false, true],
  ])('%s', (_name, now, reviewRecorded, months, minimumReached, reviewDue, endDue) => {
    const status = termStatus({ matchStartedAt: startedAt, now: new Date(now), reviewRecorded });
    expect(status).toMatchObject({ monthsElapsed: months, minimumReached, reviewDue, endDue, minimumMonths: 6, maximumMonths: 18 });
  });

  it.each([
    ['2025-01-31T10:00:00Z', '2025-01-31', '2025-07-31', '2026-07-31'],
    ['2025-08-31T10:00:00Z', '2025-08-31', '2026-02-28', '2027-02-28'],
    ['2023-08-31T10:00:00Z', '2023-08-31', '2024-02-29', '2025-02-28'],
    ['2025-03-31T23:30:00Z', '2025-04-01', '2025-10-01', '2026-10-01'],
  ])('from %s: started %s, review %s, end %s', (start, startDate, reviewDate, endDate) => {
    const status = termStatus({ matchStartedAt: new Date(start), now: new Date(start) });
    expect(status).toMatchObject({ startDate, reviewDate, endDate });
  });
});

describe('isCountedMonth: the one rule for which months the 90 minutes are asked of', () => {
  const started = new Date('2025-01-15T10:00:00Z');
  const pauses = [{ from: new Date('2025-03-20T10:00:00Z'), to: new Date('2025-04-02T10:00:00Z') }];
  it.each([
    ['2025-01', [], false],
    ['2025-02', [], true],
    ['2025-03', pauses, false],
    ['2025-04', pauses, false],
    ['2025-05', pauses, true],
    ['2025-06', [{ from: new Date('2025-05-10T10:00:00Z') }], false],
  ] as const)('%s', (month, given, counted) => {
    expect(isCountedMonth(month, started, given)).toBe(counted);
  });

  it('a match started on the 1st counts from its own month', () => {
    expect(isCountedMonth('2025-03', new Date('2025-03-01T10:00:00Z'))).toBe(true);
  });

  it('sends no nudge while the match is paused, and none in the month it resumes', () => {
    const late = { matchStartedAt: started, minutesThisMonth: 0 };
    expect(isNudgeDue({ ...late, now: new Date('2025-05-28T10:00:00Z') })).toBe(true);
    expect(isNudgeDue({ ...late, now: new Date('2025-05-28T10:00:00Z'), pauses: [{ from: new Date('2025-05-10T10:00:00Z') }] })).toBe(false);
    expect(isNudgeDue({ ...late, now: new Date('2025-05-28T10:00:00Z'), pauses: [{ from: new Date('2025-05-10T10:00:00Z'), to: new Date('2025-05-20T10:00:00Z') }] })).toBe(false);
    expect(isNudgeDue({ ...late, now: new Date('2025-06-28T10:00:00Z'), pauses: [{ from: new Date('2025-05-10T10:00:00Z'), to: new Date('2025-05-20T10:00:00Z') }] })).toBe(true);
  });

  it('a pause ends a run of months under 90: the coordinator is not told across it', () => {
    const minutes = new Map<string, number>();
    const due = (pauses: { from: Date; to?: Date }[]) => isCoordinatorAlertDue({ now: new Date('2025-06-02T09:00:00Z'), matchStartedAt: started, minutesByMonth: minutes, pauses });
    expect(due([])).toBe(true);
    expect(due([{ from: new Date('2025-04-10T10:00:00Z'), to: new Date('2025-04-20T10:00:00Z') }])).toBe(false);
  });
});
