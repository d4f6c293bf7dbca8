import { addMonths, formatLocalDate, localDateOf, type LocalDate } from './local-date.js';
import { monthsElapsedBetween } from './calendar-month.js';
import { DEFAULT_TIME_ZONE, wallClockAt } from './time-zone.js';

/** Report 3.8: at least 6 months, at most 18. */
export const MINIMUM_TERM_MONTHS = 6;
export const MAXIMUM_TERM_MONTHS = 18;

export interface TermCheck {
  readonly matchStartedAt: Date;
  readonly now: Date;
  /** Set once mentor and coordinator have answered the 6-month question. */
  readonly reviewRecorded?: boolean;
  readonly timeZone?: string;
}

export interface TermStatus {
  readonly monthsElapsed: number;
  readonly minimumMonths: number;
  readonly maximumMonths: number;
  readonly minimumReached: boolean;
  /** Ask mentor and coordinator whether to continue. */
  readonly reviewDue: boolean;
  /** The match has run its 18 months and ends. */
  readonly endDue: boolean;
  readonly reviewDate: LocalDate;
  readonly endDate: LocalDate;
  readonly startDate: LocalDate;
}

export function termStatus(check: TermCheck): TermStatus {
  const timeZone = check.timeZone ?? DEFAULT_TIME_ZONE;
  const start = wallClockAt(check.matchStartedAt, timeZone);
  const elapsed = monthsElapsedBetween(start, wallClockAt(check.now, timeZone));
  const endDue = elapsed >= MAXIMUM_TERM_MONTHS;
  return {
    monthsElapsed: elapsed,
    minimumMonths: MINIMUM_TERM_MONTHS,
    maximumMonths: MAXIMUM_TERM_MONTHS,
    minimumReached: elapsed >= MINIMUM_TERM_MONTHS,
    reviewDue: elapsed >= MINIMUM_TERM_MONTHS && !endDue && check.reviewRecorded !== true,
    endDue,
    reviewDate: formatLocalDate(addMonths(start, MINIMUM_TERM_MONTHS)),
    endDate: formatLocalDate(addMonths(start, MAXIMUM_TERM_MONTHS)),
    startDate: localDateOf(check.matchStartedAt, timeZone),
  };
}
