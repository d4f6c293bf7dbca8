import type { RelationshipProgress } from '../../app/progress.js';

/** "December 2026" from "2026-12". */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * This month's minutes in the same words on every card that shows them (the mentor's card, "my status", the nudge):
 * against 90 when the month counts, and why not when it does not (docs/relationship.md, "Which months count").
 */
export function thisMonthWords(progress: Pick<RelationshipProgress, 'minutesThisMonth' | 'expectedMinutes' | 'counted' | 'uncounted' | 'countsFrom'>): string {
  if (progress.counted) return `${progress.minutesThisMonth} of ${progress.expectedMinutes} minutes`;
  if (progress.uncounted === 'paused') return `${progress.minutesThisMonth} minutes (not counted: the match is paused this month)`;
  const from = progress.countsFrom ? ` from ${monthName(progress.countsFrom)}` : ' from the first full month';
  return `${progress.minutesThisMonth} minutes (your first part month is not counted; the ${progress.expectedMinutes} minutes count${from})`;
}
