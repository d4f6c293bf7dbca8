import { cancelWholeSession, recordSessionAttendance, sessionForAttendance, sessionsToManage, type Session } from '../../sessions/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly kind: Session['kind'];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly seats: number;
  readonly cancelled: boolean;
  readonly started: boolean;
  readonly booked: readonly { readonly personId: string; readonly name: string; readonly attended?: boolean }[];
  /** In order: first is next to get a seat. */
  readonly waiting: readonly { readonly personId: string; readonly name: string }[];
}

export function sessionRow(session: Session, now: Date): SessionRow {
  return {
    id: session.id,
    title: session.title,
    kind: session.kind,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    seats: session.seats,
    cancelled: !!session.cancelledAt,
    started: Date.parse(session.startsAt) <= now.getTime(),
    booked: session.bookings
      .filter((booking) => booking.status === 'confirmed')
      .map((booking) => ({ personId: booking.personId, name: booking.displayName, ...(booking.attended !== undefined ? { attended: booking.attended } : {}) })),
    waiting: session.bookings.filter((booking) => booking.status === 'waiting').map((booking) => ({ personId: booking.personId, name: booking.displayName })),
  };
}

export async function sessionRows(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<SessionRow[]>> {
  const managed = await sessionsToManage(deps.sessions, actor);
  if (!managed.ok) return managed;
  const now = deps.sessions.clock.now();
  return ok(managed.value.map((view) => sessionRow(view.session, now)));
}

/**
 * The register: everyone booked is marked, present when their id is in `present`. The sessions use case decides
 * (who may, whether the session has started) and, for training, queues each present mentor's move to trained.
 */
export async function recordRegister(deps: WorkspaceDeps, actor: PersonRef, sessionId: string, body: unknown): Promise<Result<SessionRow>> {
  // Who may is checked before what was sent, so anyone else gets 403 whatever the body.
  const allowed = requireCoordinator(deps.sessions.roles, actor);
  if (!allowed.ok) return allowed;
  const present = (body as { present?: unknown } | undefined)?.present;
  if (!Array.isArray(present) || !present.every((id) => typeof id === 'string')) {
    return fail('REGISTER_INVALID', 'The register could not be read: please tick who came and save again.');
  }
  const found = await sessionForAttendance(deps.sessions, actor, sessionId);
  if (!found.ok) return found;
  const booked = found.value.bookings.filter((booking) => booking.status === 'confirmed').map((booking) => booking.personId);
  const unknown = present.filter((id) => !booked.includes(id));
  if (unknown.length) return fail('REGISTER_NOT_BOOKED', 'Someone ticked is not booked on this session: please reload the register and try again.');
  const recorded = await recordSessionAttendance(
    deps.sessions,
    actor,
    sessionId,
    booked.map((personId) => ({ personId, present: present.includes(personId) })),
  );
  return recorded.ok ? ok(sessionRow(recorded.value.session, deps.sessions.clock.now())) : { ok: false, error: recorded.error };
}

export async function cancelSessionFromWorkspace(deps: WorkspaceDeps, actor: PersonRef, sessionId: string): Promise<Result<SessionRow>> {
  const cancelled = await cancelWholeSession(deps.sessions, actor, sessionId);
  return cancelled.ok ? ok(sessionRow(cancelled.value, deps.sessions.clock.now())) : { ok: false, error: cancelled.error };
}
