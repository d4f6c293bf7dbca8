import { moveSession, type MoveSessionInput, type Session } from '../domain/index.js';
import type { FieldProblem } from '../../platform/kernel/validation/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { bookingAudit, calendarSync, fanOut } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';

export type MoveResult =
  | { readonly ok: true; readonly value: Session }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly problems?: readonly FieldProblem[] }; readonly session?: Session };

/** The coordinator moves a session: the calendar event follows and everyone booked or waiting is told. */
export async function moveWholeSession(deps: SessionDeps, actor: PersonRef, sessionId: string, input: MoveSessionInput): Promise<MoveResult> {
  if (!deps.roles.isCoordinator(actor.id)) return { ok: false, error: { code: 'NOT_COORDINATOR', message: 'Only the scheme coordinators can move a session.' } };
  return writerFor(deps).run(sessionId, (current, version, now): StepOutcome<MoveResult> => {
    if (!current) return { answer: { ok: false, error: { code: 'SESSION_NOT_FOUND', message: 'This session no longer exists.' } } };
    const moved = moveSession(current, input, now);
    if (!moved.ok) return { answer: { ok: false, error: moved.error, session: current } };
    const { session } = moved.value;
    return {
      answer: { ok: true, value: session },
      change: { session, audit: [bookingAudit(actor, 'moveSession', session, now)], effects: [calendarSync(session, version), fanOut(session, version, 'moved', actor)] },
    };
  });
}
