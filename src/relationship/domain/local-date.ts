import { DEFAULT_TIME_ZONE, wallClockAt } from './time-zone.js';

/** A calendar day as the council's calendar shows it: "YYYY-MM-DD". Compares correctly as a string. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a real calendar date written "YYYY-MM-DD", or undefined (2025-02-30 is not a date). */
export function parseLocalDate(text: string): DateParts | undefined {
  const match = LOCAL_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  return formatLocalDate(wallClockAt(instant, timeZone));
}

/** The same day `count` months later, held to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: DateParts, count: number): DateParts {
  const index = date.year * 12 + (date.month - 1) + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
