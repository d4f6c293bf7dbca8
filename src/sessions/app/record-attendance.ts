import { recordAttendance, type AttendanceMark, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import { bookingAudit, fanOut } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';
import { shownSession } from './shown-bookings.js';

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
  const refused = await restrictedRefusal(deps.restricted, ...marks.map((mark) => mark.personId));
  if (refused) return refused;
  const result = await writerFor(deps).run(sessionId, (current, version, now): StepOutcome<AttendanceResult> => {
    if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
    const recorded = recordAttendance(current, marks, now);
    if (!recorded.ok) return { answer: { ...recorded, session: current } };
    const { session, toMarkTrained, present, absent } = recorded.value;
    const effects: Effect[] = session.kind === 'training' ? [fanOut(session, version, 'trainingStages', actor)] : [];
    const audit = [bookingAudit(actor, 'recordAttendance', session, now, `PRESENT_${present.length}_ABSENT_${absent.length}`)];
    return { answer: ok({ session, toMarkTrained }), change: { session, audit, effects } };
  });
  // The register shown after saving leaves restricted people out, as the one it was saved from did.
  if (result.ok) return ok({ ...result.value, session: await shownSession(deps.restricted, result.value.session) });
  return result.session ? { ...result, session: await shownSession(deps.restricted, result.session) } : result;
}
