import { declineSession, type Booking, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import { bookingAudit, calendarSync, mentorStageSync, promotedNotice } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';

export type DeclineResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly released?: Booking; readonly promoted?: Booking } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/**
 * "Can't make it", for the actor alone (their verified identity, never the card's): the answer is kept on the session,
 * and a place they held goes to the first person waiting in the same write, who is told; the calendar follows.
 */
export function declineInvitation(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<DeclineResult> {
  return writerFor(deps).run(sessionId, (current, version, now) => declineStep(current, version, now, actor));
}

function declineStep(current: Session | undefined, version: number, now: Date, actor: PersonRef): StepOutcome<DeclineResult> {
  if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
  const declined = declineSession(current, actor, now);
  if (!declined.ok) return { answer: { ...declined, session: current } };
  const { session, outcome, released, promoted } = declined.value;
  const answer = ok({ session, ...(released ? { released } : {}), ...(promoted ? { promoted } : {}) });
  if (outcome === 'alreadyDeclined') return { answer };
  const effects: Effect[] = [];
  if (released?.status === 'confirmed') effects.push(calendarSync(session, version), ...mentorStageSync(session, version, actor.id, actor));
  if (promoted) effects.push(promotedNotice(session, version, promoted), ...mentorStageSync(session, version, promoted.personId, actor));
  const audit = [bookingAudit(actor, 'declineInvitation', session, now, released ? `GAVE_UP_${released.status.toUpperCase()}` : undefined)];
  if (promoted) audit.push(bookingAudit(actor, 'promoteFromWaitingList', session, now, 'FIRST_IN_LINE'));
  return { answer, change: { session, audit, effects } };
}
