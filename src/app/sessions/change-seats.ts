import { changeSeats, type Booking, type Session } from '../../domain/sessions/index.js';
import type { PersonRef } from '../../domain/person.js';
import { fail, ok, type DomainError } from '../../domain/result.js';
import type { AuditEntry, Effect } from '../ports.js';
import { retryOnConflict } from '../retry-on-conflict.js';
import { bookingAudit, calendarSync, promotionsFanOut } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export interface SeatsOutcome {
  readonly session: Session;
  /** People moved from the waiting list into the new seats, in order. */
  readonly promoted: readonly Booking[];
  /** False when the session already had that many seats (nothing is written). */
  readonly changed: boolean;
}

export type ChangeSeatsResult =
  | { readonly ok: true; readonly value: SeatsOutcome }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

/**
 * The coordinator changes how many seats a session has. New seats go to the people waiting, in order, in the same
 * write; they are told and the calendar follows, as when someone cancels. Fewer seats than people booked is refused.
 */
export async function changeSessionSeats(deps: SessionDeps, actor: PersonRef, sessionId: string, seats: unknown): Promise<ChangeSeatsResult> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', "Only the scheme coordinators can change a session's seats.");
  return retryOnConflict(async (): Promise<ChangeSeatsResult> => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return fail('SESSION_NOT_FOUND', 'This session no longer exists.');
    const now = deps.clock.now();
    const changed = changeSeats(current.session, seats, now);
    if (!changed.ok) return { ...changed, session: current.session };
    const { session, promoted } = changed.value;
    if (session.seats === current.session.seats) return ok({ session: current.session, promoted: [], changed: false });
    const version = current.version + 1;
    await deps.sessions.save({
      session,
      etag: current.etag,
      version,
      ...(current.remindedFor ? { remindedFor: current.remindedFor } : {}),
      audit: seatsAudit(actor, current.session, session, promoted, now),
      effects: promotionEffects(session, version, promoted, actor),
    });
    return ok({ session, promoted, changed: true });
  });
}

function seatsAudit(actor: PersonRef, before: Session, after: Session, promoted: readonly Booking[], now: Date): AuditEntry[] {
  const audit = [bookingAudit(actor, 'changeSeats', after, now, `SEATS_${before.seats}_TO_${after.seats}`)];
  if (promoted.length > 0) audit.push(bookingAudit(actor, 'promoteFromWaitingList', after, now, `SEATS_ADDED_${promoted.length}`));
  return audit;
}

/** Only a promotion changes who holds a seat: then the calendar follows and the people promoted are told. */
function promotionEffects(session: Session, version: number, promoted: readonly Booking[], actor: PersonRef): Effect[] {
  if (promoted.length === 0) return [];
  return [calendarSync(session, version), promotionsFanOut(session, version, promoted, actor)];
}
