import { describe, expect, it } from 'vitest';
import { summariseMonth, type RelationshipMatch, type SummaryClaim, type SummaryMeeting } from '../../../src/relationship/domain/index.js';

const MATCHES: RelationshipMatch[] = [
  { matchId: 'a', mentorId: 'u1', startedAt: new Date('2025-01-15T10:00:00Z') },
  { matchId: 'b', mentorId: 'u2', startedAt: new Date('2024-10-31T10:00:00Z'), reviewRecorded: true },
  { matchId: 'c', mentorId: 'u3', startedAt: new Date('2025-04-10T10:00:00Z') },
  { matchId: 'ended', mentorId: 'u4', startedAt: new Date('2024-01-01T10:00:00Z'), endedAt: new Date('2025-02-01T10:00:00Z') },
  { matchId: 'future', mentorId: 'u5', startedAt: new Date('2025-05-01T10:00:00Z') },
  { matchId: 'long', mentorId: 'u6', startedAt: new Date('2023-10-01T10:00:00Z') },
];

const MEETINGS: SummaryMeeting[] = [
  { matchId: 'a', date: '2025-02-10', minutes: 60 },
  { matchId: 'a', date: '2025-03-10', minutes: 45 },
  { matchId: 'a', date: '2025-04-01', minutes: 30 },
  { matchId: 'a', date: '2025-04-30', minutes: 30 },
  { matchId: 'b', date: '2025-03-02', minutes: 120 },
  { matchId: 'b', date: '2025-04-11', minutes: 90 },
  { matchId: 'c', date: '2025-04-20', minutes: 20 },
  { matchId: 'ended', date: '2025-04-02', minutes: 500 },
];

const CLAIMS: SummaryClaim[] = [
  { matchId: 'a', date: '2025-04-01', amountPence: 450, state: 'submitted' },
  { matchId: 'a', date: '2025-04-30', amountPence: 310, state: 'paid' },
  { matchId: 'a', date: '2025-03-30', amountPence: 999, state: 'paid' },
  { matchId: 'b', date: '2025-04-11', amountPence: 120, state: 'rejected' },
];

describe("summariseMonth: the coordinator's month", () => {
  const summary = summariseMonth({ month: '2025-04', asOf: new Date('2025-05-02T09:00:00Z'), matches: MATCHES, meetings: MEETINGS, claims: CLAIMS });

  it('covers the matches running in the month, in input order', () => {
    expect(summary.matches.map((row) => row.matchId)).toEqual(['a', 'b', 'c', 'long']);
  });

  it.each([
    ['a', 60, false, 3, true, 3, false, false, 760],
    ['b', 90, true, 0, false, 6, false, false, 0],
    // Started on 10 April: its first part month is not counted, so it is not "under 90" (the nudge skips it too).
    ['c', 20, true, 0, false, 0, false, false, 0],
    ['long', 0, false, 19, true, 19, false, true, 0],
  ])('%s: %i minutes', (matchId, minutes, met, underInARow, told, elapsed, reviewDue, endDue, claimedPence) => {
    const row = summary.matches.find((candidate) => candidate.matchId === matchId);
    expect(row).toMatchObject({
      minutes,
      metExpectation: met,
      monthsUnderInARow: underInARow,
      coordinatorToBeTold: told,
      monthsElapsed: elapsed,
      reviewDue,
      endDue,
    });
    expect(row?.claims.claimedPence).toBe(claimedPence);
  });

  it('adds up the month exactly', () => {
    expect(summary.totals).toEqual({
      matches: 4,
      ended: 0,
      minutes: 170,
      matchesUnderExpectation: 2,
      coordinatorAlerts: 2,
      claims: { count: 3, claimedPence: 760, submittedPence: 450, approvedPence: 0, paidPence: 310, rejectedPence: 120 },
    });
  });

  it('counts a month only when the match ran all of it: not the first part month, a paused month or the month it ended', () => {
    const counted = (month: string, match: RelationshipMatch) => summariseMonth({ month, asOf: new Date('2025-09-01T09:00:00Z'), matches: [match], meetings: [], claims: [] }).matches[0];
    const c = MATCHES[2]!;
    expect(counted('2025-04', c)).toMatchObject({ counted: false, metExpectation: true });
    expect(counted('2025-05', c)).toMatchObject({ counted: true, metExpectation: false });
    const paused: RelationshipMatch = { ...c, pauses: [{ from: new Date('2025-05-20T10:00:00Z'), to: new Date('2025-06-03T10:00:00Z') }] };
    expect([counted('2025-05', paused), counted('2025-06', paused), counted('2025-07', paused)].map((row) => row?.counted)).toEqual([false, false, true]);
    expect(counted('2025-07', paused)?.monthsUnderInARow).toBe(1);
    const stillPaused: RelationshipMatch = { ...c, pauses: [{ from: new Date('2025-05-20T10:00:00Z') }] };
    expect(counted('2025-08', stillPaused)).toMatchObject({ counted: false, metExpectation: true });
    const ending = summariseMonth({ month: '2025-02', asOf: new Date('2025-09-01T09:00:00Z'), matches: [MATCHES[3]!], meetings: [], claims: [] });
    expect(ending.totals).toMatchObject({ matches: 0, ended: 1, matchesUnderExpectation: 0 });
    expect(ending.matches[0]).toMatchObject({ ended: true, counted: false });
  });

  it('flags the 6-month review until it is recorded', () => {
    const july = summariseMonth({ month: '2025-07', asOf: new Date('2025-07-20T09:00:00Z'), matches: MATCHES.slice(0, 1), meetings: [], claims: [] });
    expect(july.matches[0]).toMatchObject({ monthsElapsed: 6, reviewDue: true });
  });

  it('is empty for a month with no matches', () => {
    const empty = summariseMonth({ month: '2020-01', asOf: new Date('2020-02-01T00:00:00Z'), matches: MATCHES, meetings: MEETINGS, claims: CLAIMS });
    expect(empty.totals.matches).toBe(0);
    expect(empty.matches).toEqual([]);
  });
});
