import { recordAttendance, type AttendanceMark, type Session } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { fail, ok, type DomainError } from '../../domain/result.js';
import type { Effect } from '../ports.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { bookingAudit, fanOut } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type AttendanceResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly toMarkTrained: readonly string[] } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/**
 * Attendance is stored on the session; moving each person present at the training to 'trained' is a queued effect in
 * the same transaction, carried out by the worker against the mentor record (a different aggregate) idempotently.
 */
export async function recordSessionAttendance(
  deps: SessionDeps,
  actor: PersonRef,
  sessionId: string,
  marks: readonly AttendanceMark[],
): Promise<AttendanceResult> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', 'Only the scheme coordinators can record attendance.');
  return retryOnConflict(async (): Promise<AttendanceResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
    const now = deps.clock.now();
    const recorded = recordAttendance(current.session, marks, now);
    if (!recorded.ok) return { ...recorded, session: current.session };
    const { session, toMarkTrained } = recorded.value;
    const version = current.version + 1;
    const effects: Effect[] = session.kind === 'training' ? [fanOut(session, version, 'trainingStages', actor)] : [];
    await deps.sessions.save({
      session,
      etag: current.etag,
      version,
      ...(current.remindedFor ? { remindedFor: current.remindedFor } : {}),
      audit: [bookingAudit(actor, 'recordAttendance', session, now, `PRESENT_${recorded.value.present.length}_ABSENT_${recorded.value.absent.length}`)],
      effects,
    });
    return ok({ session, toMarkTrained });
  });
}
