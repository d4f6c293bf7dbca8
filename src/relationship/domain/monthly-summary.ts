import { addClaim, NO_CLAIMS, type ClaimTotals } from './claim-totals.js';
import { monthKey, monthOf, monthOfDate, monthsElapsedBetween, type MonthKey } from './calendar-month.js';
import { countedMonths, EXPECTED_MINUTES_PER_MONTH, firstExpectedMonthFrom, SHORTFALL_MONTHS_BEFORE_ALERT, shortfallStreak, type CommitmentPause } from './commitment.js';
import type { LocalDate } from './local-date.js';
import type { RefreshmentClaim } from './refreshment-claim.js';
import { MAXIMUM_TERM_MONTHS, MINIMUM_TERM_MONTHS } from './term.js';
import { DEFAULT_TIME_ZONE, wallClockAt, type WallClock } from './time-zone.js';

export interface RelationshipMatch {
  readonly matchId: string;
  readonly mentorId: string;
  readonly startedAt: Date;
  readonly endedAt?: Date;
  readonly reviewRecorded?: boolean;
  readonly pauses?: readonly CommitmentPause[];
}

export interface SummaryMeeting {
  readonly matchId: string;
  readonly date: LocalDate;
  readonly minutes: number;
}

export type SummaryClaim = Pick<RefreshmentClaim, 'matchId' | 'date' | 'amountPence' | 'state'>;

export interface MonthlySummaryInput {
  readonly month: MonthKey;
  /** When the summary is read: months elapsed, review and end are judged at this instant. */
  readonly asOf: Date;
  readonly matches: readonly RelationshipMatch[];
  readonly meetings: readonly SummaryMeeting[];
  readonly claims: readonly SummaryClaim[];
  readonly timeZone?: string;
}

export interface MatchMonthSummary {
  readonly matchId: string;
  readonly mentorId: string;
  readonly minutes: number;
  /** Whether the 90 minutes are asked of this month (isCountedMonth): not a first part month, a paused or an ending one. */
  readonly counted: boolean;
  /** Met the 90 minutes, or the month is not counted: never "under 90" for a month that does not count. */
  readonly metExpectation: boolean;
  /** The match ended in this month: it ran part of it, and is no longer running. */
  readonly ended: boolean;
  /** Months under 90 minutes in a row, ending with this one (0 when met or not yet expected). */
  readonly monthsUnderInARow: number;
  readonly coordinatorToBeTold: boolean;
  readonly monthsElapsed: number;
  readonly reviewDue: boolean;
  readonly endDue: boolean;
  readonly claims: ClaimTotals;
}

export interface MonthlySummary {
  readonly month: MonthKey;
  readonly matches: readonly MatchMonthSummary[];
  readonly totals: {
    /** Matches still running (not ended): the same number the pipeline and the mentors' allowances count. */
    readonly matches: number;
    /** Matches that ended in the month. */
    readonly ended: number;
    readonly minutes: number;
    readonly matchesUnderExpectation: number;
    readonly coordinatorAlerts: number;
    readonly claims: ClaimTotals;
  };
}

/** The coordinator's view of one month over every match running in it. One pass over meetings and claims. */
export function summariseMonth(input: MonthlySummaryInput): MonthlySummary {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const minutes = minutesByMatchAndMonth(input.meetings);
  const claims = claimsByMatch(input.claims, input.month);
  const today = wallClockAt(input.asOf, timeZone);
  const rows: MatchMonthSummary[] = [];
  for (const match of input.matches) {
    const start = wallClockAt(match.startedAt, timeZone);
    if (!runsIn(match, start, input.month, timeZone)) continue;
    rows.push(summariseMatch(match, start, today, input.month, timeZone, minutes.get(match.matchId), claims.get(match.matchId)));
  }
  return { month: input.month, matches: rows, totals: totalsOf(rows) };
}

function summariseMatch(
  match: RelationshipMatch,
  start: WallClock,
  today: WallClock,
  month: MonthKey,
  timeZone: string,
  minutes: ReadonlyMap<MonthKey, number> = new Map(),
  claims: ClaimTotals = NO_CLAIMS,
): MatchMonthSummary {
  const thisMonth = minutes.get(month) ?? 0;
  const endMonth = match.endedAt ? monthOf(match.endedAt, timeZone) : undefined;
  const ended = endMonth === month;
  // The month a match ends in is not a full month: like its first, it is not counted.
  const firstMonth = firstExpectedMonthFrom(start);
  const countedOnce = countedMonths(firstMonth, match.pauses, timeZone);
  const counts = (each: MonthKey) => countedOnce(each) && (endMonth === undefined || each < endMonth);
  const counted = counts(month);
  const streak = shortfallStreak(minutes, month, firstMonth, counts);
  const elapsed = monthsElapsedBetween(start, today);
  return {
    matchId: match.matchId,
    mentorId: match.mentorId,
    minutes: thisMonth,
    counted,
    metExpectation: !counted || thisMonth >= EXPECTED_MINUTES_PER_MONTH,
    ended,
    monthsUnderInARow: streak,
    coordinatorToBeTold: streak >= SHORTFALL_MONTHS_BEFORE_ALERT,
    monthsElapsed: elapsed,
    reviewDue: endMonth === undefined && elapsed >= MINIMUM_TERM_MONTHS && elapsed < MAXIMUM_TERM_MONTHS && match.reviewRecorded !== true,
    endDue: endMonth === undefined && elapsed >= MAXIMUM_TERM_MONTHS,
    claims,
  };
}

function runsIn(match: RelationshipMatch, start: WallClock, month: MonthKey, timeZone: string): boolean {
  if (monthKey(start.year, start.month) > month) return false;
  if (match.endedAt === undefined) return true;
  const end = wallClockAt(match.endedAt, timeZone);
  return monthKey(end.year, end.month) >= month;
}

function minutesByMatchAndMonth(meetings: readonly SummaryMeeting[]): Map<string, Map<MonthKey, number>> {
  const byMatch = new Map<string, Map<MonthKey, number>>();
  for (const meeting of meetings) {
    let months = byMatch.get(meeting.matchId);
    if (months === undefined) byMatch.set(meeting.matchId, (months = new Map()));
    const month = monthOfDate(meeting.date);
    months.set(month, (months.get(month) ?? 0) + meeting.minutes);
  }
  return byMatch;
}

function claimsByMatch(claims: readonly SummaryClaim[], month: MonthKey): Map<string, ClaimTotals> {
  const byMatch = new Map<string, ClaimTotals>();
  for (const claim of claims) {
    if (monthOfDate(claim.date) !== month) continue;
    byMatch.set(claim.matchId, addClaim(byMatch.get(claim.matchId) ?? NO_CLAIMS, claim));
  }
  return byMatch;
}

function totalsOf(rows: readonly MatchMonthSummary[]): MonthlySummary['totals'] {
  let minutes = 0;
  let ended = 0;
  let under = 0;
  let alerts = 0;
  let claims = NO_CLAIMS;
  for (const row of rows) {
    minutes += row.minutes;
    if (row.ended) ended += 1;
    if (!row.metExpectation) under += 1;
    if (row.coordinatorToBeTold) alerts += 1;
    claims = sumClaims(claims, row.claims);
  }
  return { matches: rows.length - ended, ended, minutes, matchesUnderExpectation: under, coordinatorAlerts: alerts, claims };
}

function sumClaims(a: ClaimTotals, b: ClaimTotals): ClaimTotals {
  return {
    count: a.count + b.count,
    claimedPence: a.claimedPence + b.claimedPence,
    submittedPence: a.submittedPence + b.submittedPence,
    approvedPence: a.approvedPence + b.approvedPence,
    paidPence: a.paidPence + b.paidPence,
    rejectedPence: a.rejectedPence + b.rejectedPence,
  };
}
