import type { CalendarDay } from './zoned-time.js';

/** A calendar quarter: Q1 is January to March. */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function quarterOfDay(day: CalendarDay): Quarter {
  return { year: day.year, quarter: (Math.floor((day.month - 1) / 3) + 1) as Quarter['quarter'] };
}

export function firstDayOfQuarter({ year, quarter }: Quarter): CalendarDay {
  return { year, month: (quarter - 1) * 3 + 1, day: 1 };
}

export function addQuarters({ year, quarter }: Quarter, count: number): Quarter {
  const index = year * 4 + (quarter - 1) + count;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** "2026-Q4": sorts in time order as a string. */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}
