/** Dates as the law counts them: whole calendar days (YYYY-MM-DD, UTC), months by the calendar. */
export type CalendarDate = string;

export function dateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 January + 1 month is 28 or 29 February), as the
 * regulator counts "one calendar month" for a subject access request.
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return dateOf(target);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOf(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const instant = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(instant) && dateOf(new Date(instant)) === value;
}
