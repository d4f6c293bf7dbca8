import { cancelBooking, type Booking, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import { bookingAudit, calendarSync, mentorStageSync, promotedNotice } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';

export type CancelResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly promoted?: Booking } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/** A freed seat goes to the first person waiting in the same write; they are told and their calendar follows. */
export function cancelMyBooking(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<CancelResult> {
  return writerFor(deps).run(sessionId, (current, version, now) => cancellationStep(current, version, now, actor));
}

/** `personId` is whose booking goes: the actor's own, unless the system gives it up for them (trained elsewhere). */
export function cancellationStep(current: Session | undefined, version: number, now: Date, actor: PersonRef, personId = actor.id): StepOutcome<CancelResult> {
  if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
  const cancelled = cancelBooking(current, personId, now);
  if (!cancelled.ok) return { answer: { ...cancelled, session: current } };
  const { session, promoted } = cancelled.value;
  const wasConfirmed = current.bookings.find((b) => b.personId === personId)?.status === 'confirmed';
  const effects: Effect[] = [];
  if (wasConfirmed) effects.push(calendarSync(session, version), ...mentorStageSync(session, version, personId, actor));
  if (promoted) effects.push(promotedNotice(session, version, promoted), ...mentorStageSync(session, version, promoted.personId, actor));
  const audit = [bookingAudit(actor, 'cancelBooking', session, now)];
  if (promoted) audit.push(bookingAudit(actor, 'promoteFromWaitingList', session, now, 'FIRST_IN_LINE'));
  return { answer: ok(promoted ? { session, promoted } : { session }), change: { session, audit, effects } };
}
