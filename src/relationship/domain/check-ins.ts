import { addMonths, formatLocalDate, parseLocalDate, type LocalDate } from './local-date.js';

/**
 * Contact check-ins with a new mentor, as good mentoring practice asks (regular, at least monthly, contact with all
 * parties): the coordinator is prompted at two weeks and four weeks after the match starts, then every month on the
 * day it started, from the second month on. Keys name each one ("week2", "week4", "month2", ...), so each is asked once.
 */
export interface CheckInPoint {
  readonly key: string;
  readonly due: LocalDate;
}

function addDays(day: LocalDate, days: number): LocalDate {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The check-in most recently due on `today` (both local days), or undefined before the first: older ones are past. */
export function checkInDue(startedOn: LocalDate, today: LocalDate): CheckInPoint | undefined {
  const start = parseLocalDate(startedOn.slice(0, 10));
  if (!start || today < addDays(startedOn, 14)) return undefined;
  let latest: CheckInPoint = { key: 'week2', due: addDays(startedOn, 14) };
  if (today >= addDays(startedOn, 28)) latest = { key: 'week4', due: addDays(startedOn, 28) };
  for (let month = 2; month <= 18; month += 1) {
    const due = formatLocalDate(addMonths(start, month));
    if (today < due) break;
    latest = { key: `month${month}`, due };
  }
  return latest;
}

/** How a check-in reads: "two weeks", "four weeks", "2 months". */
export function describeCheckIn(key: string): string {
  if (key === 'week2') return 'two weeks';
  if (key === 'week4') return 'four weeks';
  const months = /^month(\d+)$/.exec(key)?.[1];
  return months ? `${months} months` : key;
}
