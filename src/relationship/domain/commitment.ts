import { daysInMonthKey, monthKey, monthOf, monthOfDate, nextMonth, previousMonth, type MonthKey } from './calendar-month.js';
import type { DateParts, LocalDate } from './local-date.js';
import { DEFAULT_TIME_ZONE, wallClockAt } from './time-zone.js';

/** Report 3.8: at least 90 minutes a month. */
export const EXPECTED_MINUTES_PER_MONTH = 90;
/** Months under the expectation in a row before the coordinator is told. */
export const SHORTFALL_MONTHS_BEFORE_ALERT = 2;
export const DEFAULT_NUDGE_DAYS_BEFORE_MONTH_END = 7;

export interface MeetingMinutes {
  readonly date: LocalDate;
  readonly minutes: number;
}

export function minutesInMonth(meetings: readonly MeetingMinutes[], month: MonthKey): number {
  let total = 0;
  for (const meeting of meetings) {
    if (monthOfDate(meeting.date) === month) total += meeting.minutes;
  }
  return total;
}

export function minutesByMonth(meetings: readonly MeetingMinutes[]): Map<MonthKey, number> {
  const totals = new Map<MonthKey, number>();
  for (const meeting of meetings) {
    const month = monthOfDate(meeting.date);
    totals.set(month, (totals.get(month) ?? 0) + meeting.minutes);
  }
  return totals;
}

export interface MonthCommitment {
  readonly month: MonthKey;
  readonly minutes: number;
  readonly expectedMinutes: number;
  readonly met: boolean;
  /** Minutes still to reach the expectation (0 once met). */
  readonly shortBy: number;
}

export function monthCommitment(meetings: readonly MeetingMinutes[], month: MonthKey): MonthCommitment {
  const minutes = minutesInMonth(meetings, month);
  return {
    month,
    minutes,
    expectedMinutes: EXPECTED_MINUTES_PER_MONTH,
    met: minutes >= EXPECTED_MINUTES_PER_MONTH,
    shortBy: Math.max(0, EXPECTED_MINUTES_PER_MONTH - minutes),
  };
}

/**
 * The first month the 90 minutes are expected. A match made part way through a month has not had a fair month yet,
 * so counting starts with the next one; a match made on the 1st counts from its own month.
 */
export function firstExpectedMonth(matchStartedAt: Date, timeZone: string = DEFAULT_TIME_ZONE): MonthKey {
  return firstExpectedMonthFrom(wallClockAt(matchStartedAt, timeZone));
}

export function firstExpectedMonthFrom(startDay: DateParts): MonthKey {
  const month = monthKey(startDay.year, startDay.month);
  return startDay.day === 1 ? month : nextMonth(month);
}

/** A time the match was paused (its young person was paused); `to` absent while it still is. */
export interface CommitmentPause {
  readonly from: Date;
  readonly to?: Date;
}

/**
 * The one rule for which months the 90 minutes are asked of (docs/relationship.md, "Which months count"): a month counts
 * only when the match ran all of it. So the month a match starts does not count unless it starts on the 1st, and a month
 * with any pause in it does not count; the first full month after a resume counts again. The mentor's card, the nudge,
 * the coordinator's alert and the summary all ask this one function.
 */
export function isCountedMonth(month: MonthKey, matchStartedAt: Date, pauses: readonly CommitmentPause[] = [], timeZone: string = DEFAULT_TIME_ZONE): boolean {
  return countedMonths(matchStartedAt, pauses, timeZone)(month);
}

/** isCountedMonth for one match, with its start and pauses turned into months once: for loops over many months. */
export function countedMonths(matchStartedAt: Date | MonthKey, pauses: readonly CommitmentPause[] = [], timeZone: string = DEFAULT_TIME_ZONE): (month: MonthKey) => boolean {
  // The first expected month may be given already worked out (the summary has it): saves a time-zone conversion per match.
  const first = typeof matchStartedAt === 'string' ? matchStartedAt : firstExpectedMonth(matchStartedAt, timeZone);
  const paused = pauses.map((pause) => ({ from: monthOf(pause.from, timeZone), to: pause.to === undefined ? undefined : monthOf(pause.to, timeZone) }));
  return (month) => month >= first && !paused.some((pause) => pause.from <= month && (pause.to === undefined || month <= pause.to));
}

/** Why a month is not counted, for the words people read; undefined when it counts. */
export function uncountedBecause(month: MonthKey, matchStartedAt: Date, pauses: readonly CommitmentPause[] = [], timeZone: string = DEFAULT_TIME_ZONE): 'firstMonth' | 'paused' | undefined {
  if (isCountedMonth(month, matchStartedAt, pauses, timeZone)) return undefined;
  return month < firstExpectedMonth(matchStartedAt, timeZone) ? 'firstMonth' : 'paused';
}

export interface NudgeCheck {
  readonly now: Date;
  readonly matchStartedAt: Date;
  readonly pauses?: readonly CommitmentPause[];
  readonly minutesThisMonth: number;
  /** The nudge is due on the last this-many days of the month. */
  readonly daysBeforeMonthEnd?: number;
  readonly timeZone?: string;
}

/** Whether the mentor gets a gentle reminder now: late in a month that counts, with under 90 minutes logged. */
export function isNudgeDue(check: NudgeCheck): boolean {
  const timeZone = check.timeZone ?? DEFAULT_TIME_ZONE;
  const days = check.daysBeforeMonthEnd ?? DEFAULT_NUDGE_DAYS_BEFORE_MONTH_END;
  const today = wallClockAt(check.now, timeZone);
  const month = monthKey(today.year, today.month);
  if (!isCountedMonth(month, check.matchStartedAt, check.pauses, timeZone)) return false;
  const daysLeftAfterToday = daysInMonthKey(month) - today.day;
  return daysLeftAfterToday < days && check.minutesThisMonth < EXPECTED_MINUTES_PER_MONTH;
}

/**
 * Months in a row, ending with `throughMonth`, under 90 minutes (months before the first expected month do not count).
 * A month that does not count (paused) ends the run: after a pause the count starts again.
 */
export function shortfallStreak(minutes: ReadonlyMap<MonthKey, number>, throughMonth: MonthKey, firstMonth: MonthKey, counts: (month: MonthKey) => boolean = () => true): number {
  let streak = 0;
  for (let month = throughMonth; month >= firstMonth; month = previousMonth(month)) {
    if (!counts(month) || (minutes.get(month) ?? 0) >= EXPECTED_MINUTES_PER_MONTH) break;
    streak += 1;
  }
  return streak;
}

export interface CoordinatorAlertCheck {
  readonly now: Date;
  readonly matchStartedAt: Date;
  readonly pauses?: readonly CommitmentPause[];
  readonly minutesByMonth: ReadonlyMap<MonthKey, number>;
  readonly timeZone?: string;
}

/** Whether the coordinator is told, judged on the months already over: two running under 90. */
export function isCoordinatorAlertDue(check: CoordinatorAlertCheck): boolean {
  const timeZone = check.timeZone ?? DEFAULT_TIME_ZONE;
  const lastFinished = previousMonth(monthOf(check.now, timeZone));
  const counts = countedMonths(check.matchStartedAt, check.pauses, timeZone);
  const streak = shortfallStreak(check.minutesByMonth, lastFinished, firstExpectedMonth(check.matchStartedAt, timeZone), counts);
  return streak >= SHORTFALL_MONTHS_BEFORE_ALERT;
}
