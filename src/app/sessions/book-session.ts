import type { MentorStage } from '../../domain/mentor/index.js';
import { bookSession, type BookOutcome, type Session } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { fail, ok, type DomainError } from '../../domain/result.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { bookingAudit, calendarSync, mentorStageSync } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type BookResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly outcome: BookOutcome; readonly waitingPosition?: number; readonly stage?: MentorStage } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/** Many people booking at once all land here; each re-reads and decides again on a stale etag, so seats are never oversold. */
export const BOOKING_ATTEMPTS = 60;

export async function book(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<BookResult> {
  const stage = (await deps.mentors.get(actor.id))?.value.stage;
  const attempt = () => retryOnConflict(async (): Promise<BookResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
    const now = deps.clock.now();
    const booked = bookSession(current.session, actor, stage, now);
    if (!booked.ok) return { ...booked, session: current.session };
    const { session, outcome, waitingPosition } = booked.value;
    const answer = ok({ session, outcome, ...(waitingPosition !== undefined ? { waitingPosition } : {}), ...(stage ? { stage } : {}) });
    if (outcome === 'alreadyBooked') return answer;
    const version = current.version + 1;
    await deps.sessions.save({
      session,
      etag: current.etag,
      version,
      ...(current.remindedFor ? { remindedFor: current.remindedFor } : {}),
      audit: [bookingAudit(actor, outcome === 'confirmed' ? 'bookSession' : 'joinWaitingList', session, now)],
      effects: outcome === 'confirmed' ? [calendarSync(session, version), ...mentorStageSync(session, version, actor.id, actor)] : [],
    });
    return answer;
  }, BOOKING_ATTEMPTS);
  return deps.sessionQueue ? deps.sessionQueue.run(sessionId, attempt) : attempt();
}
