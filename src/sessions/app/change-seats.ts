import { changeSeats, type Booking, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';
import { bookingAudit, calendarSync, promotionsFanOut } from './session-effects.js';
import { writerFor, type SessionDeps } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';

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
  return writerFor(deps).run(sessionId, (current, version, now): StepOutcome<ChangeSeatsResult> => {
    if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
    const changed = changeSeats(current, seats, now);
    if (!changed.ok) return { answer: { ...changed, session: current } };
    const { session, promoted } = changed.value;
    if (session.seats === current.seats) return { answer: ok({ session: current, promoted: [], changed: false }) };
    return {
      answer: ok({ session, promoted, changed: true }),
      change: { session, audit: seatsAudit(actor, current, session, promoted, now), effects: promotionEffects(session, version, promoted, actor) },
    };
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
