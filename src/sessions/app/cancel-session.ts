import { cancelSession, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import { bookingAudit, calendarSync, fanOut } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';

export type CancelSessionResult =
  | { readonly ok: true; readonly value: Session }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/** The coordinator calls a session off: the calendar event is cancelled and everyone booked or waiting is told. */
export async function cancelWholeSession(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<CancelSessionResult> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', 'Only the scheme coordinators can cancel a session.');
  return writerFor(deps).run(sessionId, (current, version, now): StepOutcome<CancelSessionResult> => {
    if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
    const cancelled = cancelSession(current, now);
    if (!cancelled.ok) return { answer: { ...cancelled, session: current } };
    const { session } = cancelled.value;
    const effects: Effect[] = [calendarSync(session, version), fanOut(session, version, 'cancelled', actor)];
    return { answer: ok(session), change: { session, audit: [bookingAudit(actor, 'cancelSession', session, now)], effects } };
  });
}
