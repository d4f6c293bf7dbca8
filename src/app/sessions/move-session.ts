import { moveSession, type MoveSessionInput, type Session } from '../../domain/sessions/index.js';
import type { FieldProblem } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { bookingAudit, calendarSync, fanOut } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type MoveResult =
  | { readonly ok: true; readonly value: Session }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly problems?: readonly FieldProblem[] }; readonly session?: Session };

/** The coordinator moves a session: the calendar event follows and everyone booked or waiting is told. */
export async function moveWholeSession(deps: SessionDeps, actor: PersonRef, sessionId: string, input: MoveSessionInput): Promise<MoveResult> {
  if (!deps.roles.isCoordinator(actor.id)) return { ok: false, error: { code: 'NOT_COORDINATOR', message: 'Only the scheme coordinators can move a session.' } };
  return retryOnConflict(async (): Promise<MoveResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return { ok: false, error: { code: 'SESSION_NOT_FOUND', message: 'This session no longer exists.' } };
    const now = deps.clock.now();
    const moved = moveSession(current.session, input, now);
    if (!moved.ok) return { ok: false, error: moved.error, session: current.session };
    const { session } = moved.value;
    const version = current.version + 1;
    await deps.sessions.save({
      session,
      etag: current.etag,
      version,
      ...(current.remindedFor ? { remindedFor: current.remindedFor } : {}),
      audit: [bookingAudit(actor, 'moveSession', session, now)],
      effects: [calendarSync(session, version), fanOut(session, version, 'moved', actor)],
    });
    return { ok: true, value: session };
  });
}
