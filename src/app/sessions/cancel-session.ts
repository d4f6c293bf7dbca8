import { cancelSession, type Session } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { fail, ok, type DomainError } from '../../domain/result.js';
import type { Effect } from '../ports.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { bookingAudit, calendarSync, fanOut } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type CancelSessionResult =
  | { readonly ok: true; readonly value: Session }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/** The coordinator calls a session off: the calendar event is cancelled and everyone booked or waiting is told. */
export async function cancelWholeSession(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<CancelSessionResult> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', 'Only the scheme coordinators can cancel a session.');
  return retryOnConflict(async (): Promise<CancelSessionResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
    const now = deps.clock.now();
    const cancelled = cancelSession(current.session, now);
    if (!cancelled.ok) return { ...cancelled, session: current.session };
    const { session } = cancelled.value;
    const version = current.version + 1;
    const effects: Effect[] = [calendarSync(session, version), fanOut(session, version, 'cancelled', actor)];
    await deps.sessions.save({ session, etag: current.etag, version, audit: [bookingAudit(actor, 'cancelSession', session, now)], effects });
    return ok(session);
  });
}
