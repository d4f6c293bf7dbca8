import { cancelBooking, type Booking, type Session } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { fail, ok, type DomainError } from '../../domain/result.js';
import type { Effect } from '../ports.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { BOOKING_ATTEMPTS } from './book-session.js';
import { bookingAudit, calendarSync, mentorStageSync, promotedNotice } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type CancelResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly promoted?: Booking } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/** A freed seat goes to the first person waiting in the same write; they are told and their calendar follows. */
export async function cancelMyBooking(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<CancelResult> {
  const attempt = () => retryOnConflict(async (): Promise<CancelResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
    const now = deps.clock.now();
    const cancelled = cancelBooking(current.session, actor.id, now);
    if (!cancelled.ok) return { ...cancelled, session: current.session };
    const { session, promoted } = cancelled.value;
    const version = current.version + 1;
    const wasConfirmed = current.session.bookings.find((b) => b.personId === actor.id)?.status === 'confirmed';
    const effects: Effect[] = [];
    if (wasConfirmed) effects.push(calendarSync(session, version), ...mentorStageSync(session, version, actor.id, actor));
    if (promoted) effects.push(promotedNotice(session, version, promoted), ...mentorStageSync(session, version, promoted.personId, actor));
    const audit = [bookingAudit(actor, 'cancelBooking', session, now)];
    if (promoted) audit.push(bookingAudit(actor, 'promoteFromWaitingList', session, now, 'FIRST_IN_LINE'));
    await deps.sessions.save({
      session,
      etag: current.etag,
      version,
      ...(current.remindedFor ? { remindedFor: current.remindedFor } : {}),
      audit,
      effects,
    });
    return ok(promoted ? { session, promoted } : { session });
  }, BOOKING_ATTEMPTS);
  return deps.sessionQueue ? deps.sessionQueue.run(sessionId, attempt) : attempt();
}
