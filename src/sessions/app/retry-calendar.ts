import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { Session } from '../domain/index.js';
import { calendarSync } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type RetryCalendarResult = { readonly ok: true; readonly value: Session } | { readonly ok: false; readonly error: DomainError };

/**
 * After a calendar failure has been fixed (an access policy, a permission), the coordinator asks for one more sync. It
 * changes no booking: the sync reads the session as stored and does nothing if the event already matches.
 */
export async function retrySessionCalendar(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<RetryCalendarResult> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', "Only the scheme coordinators can retry a session's calendar.");
  const current = await deps.sessions.get(sessionId);
  if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
  const effect = calendarSync(current.session, current.version);
  // A new id each time: the failed sync's row keeps its own id, and addEffects skips ids already queued.
  await deps.sessions.addEffects(sessionId, [{ ...effect, id: `${effect.id}.retry.${deps.clock.now().getTime()}` }]);
  return ok(current.session);
}
