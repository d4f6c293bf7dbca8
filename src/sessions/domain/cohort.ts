import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { bookingWindow } from './booking-window.js';
import type { Session } from './session.js';

/** A year's intake: its name ("2027 cohort") and the information session and training that belong to it. */
export interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly sessionIds: readonly string[];
  readonly openedAt: string;
  readonly openedBy: PersonRef;
}

/** An approved mentor who found nothing to book and was promised a message when the next dates are set. */
export interface WaitingForDates {
  readonly mentorId: string;
  readonly name: string;
  readonly since: string;
}

/**
 * The scheme's cohorts and who waits for the next one, kept together in one row so that opening a cohort and someone
 * joining the wait are decided against each other (etag): whoever takes a mentor off the wait sends them the card.
 */
export interface CohortBook {
  readonly cohorts: readonly Cohort[];
  readonly waitingForDates: readonly WaitingForDates[];
  /** When the coordinators were last told that no cohort is open (once per gap: see cohort-gap.ts). */
  readonly noCohortNoticeAt?: string;
}

export const EMPTY_COHORT_BOOK: CohortBook = { cohorts: [], waitingForDates: [] };

/** "2027 cohort" and "2027" name the same cohort: the key is the name without the word cohort, in lower-case words. */
export function cohortKey(name: string): string {
  const words = name.toLowerCase().replace(/\bcohort\b/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join('-');
}

export function cohortIdFor(name: string): string {
  return `cohort-${cohortKey(name)}`;
}

export type OpenCohortErrorCode = 'COHORT_EXISTS';

/** The book with the new cohort, and the mentors to send the booking card to (taken off the wait in the same write). */
export function addCohort(book: CohortBook, cohort: Cohort): Result<{ book: CohortBook; offered: readonly WaitingForDates[] }, OpenCohortErrorCode> {
  const same = book.cohorts.find((each) => each.id === cohort.id);
  if (same) return fail('COHORT_EXISTS', `There is already a cohort called "${same.name}". Please give the new one another name, such as "${nextName(same.name)}".`);
  return ok({ book: { ...book, cohorts: [...book.cohorts, cohort], waitingForDates: [] }, offered: book.waitingForDates });
}

function nextName(name: string): string {
  const year = /\b(2\d{3})\b/.exec(name);
  return year ? name.replace(year[1]!, String(Number(year[1]) + 1)) : `${name} (2)`;
}

/** The book with the mentor waiting, or undefined when they already are. */
export function addWaiting(book: CohortBook, entry: WaitingForDates): CohortBook | undefined {
  if (book.waitingForDates.some((each) => each.mentorId === entry.mentorId)) return undefined;
  return { ...book, waitingForDates: [...book.waitingForDates, entry] };
}

/** The book without the mentor, or undefined when they were not waiting. */
export function removeWaiting(book: CohortBook, mentorId: string): CohortBook | undefined {
  if (!book.waitingForDates.some((each) => each.mentorId === mentorId)) return undefined;
  return { ...book, waitingForDates: book.waitingForDates.filter((each) => each.mentorId !== mentorId) };
}

export type CohortStatus = 'open' | 'bookingClosed' | 'past' | 'cancelled';

/** Open while any of its sessions can still be booked; past once all have started. */
export function cohortStatus(cohort: Cohort, sessions: readonly Session[], now: Date): CohortStatus {
  const own = sessions.filter((session) => cohort.sessionIds.includes(session.id));
  const windows = own.map((session) => bookingWindow(session, now));
  if (windows.includes('open')) return 'open';
  if (windows.includes('closed')) return 'bookingClosed';
  if (windows.length > 0 && windows.every((window) => window === 'cancelled')) return 'cancelled';
  return 'past';
}
