import type { CohortBook } from './cohort.js';
import type { Session } from './session.js';

/**
 * A gap is a time when an approved mentor can book no information session or training. The coordinators are told once
 * per gap: when nothing can be booked now and, since they were last told (`noCohortNoticeAt`), a cohort was opened or
 * some session could be booked. Never told at all counts as a new gap (the first start with nothing open).
 */
export function anyBookable(sessions: readonly Session[], now: Date): boolean {
  return sessions.some((session) => !session.cancelledAt && now < new Date(session.bookingClosesAt));
}

/** Until when a session could be booked: its booking close, or its cancellation when that came first. */
export function bookableUntil(session: Session): Date {
  const closes = new Date(session.bookingClosesAt);
  return session.cancelledAt && new Date(session.cancelledAt) < closes ? new Date(session.cancelledAt) : closes;
}

/** `sessions`: the information sessions and trainings as stored (recent and to come). */
export function noCohortNoticeDue(book: CohortBook, sessions: readonly Session[], now: Date): boolean {
  if (anyBookable(sessions, now)) return false;
  if (!book.noCohortNoticeAt) return true;
  const told = new Date(book.noCohortNoticeAt);
  return book.cohorts.some((cohort) => new Date(cohort.openedAt) > told) || sessions.some((session) => bookableUntil(session) > told);
}
