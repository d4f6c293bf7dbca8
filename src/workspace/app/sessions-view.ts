import { cancelWholeSession, changeSessionSeats, moveWholeSession, recordSessionAttendance, sessionForAttendance, sessionsToManage, type Session } from '../../sessions/index.js';
import { wallTimeAt, type WallTime } from '../../platform/kernel/time/zoned-time.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError, type Result } from '../../platform/kernel/result.js';
import type { FieldProblem } from '../../platform/kernel/validation/index.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly kind: Session['kind'];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  /** The day and times in the session's own zone, as the move form starts from them (the chat card's move form does the same). */
  readonly local: { readonly date: string; readonly startTime: string; readonly endTime: string };
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
    local: localTimes(session),
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

function localTimes(session: Session): SessionRow['local'] {
  const two = (n: number) => String(n).padStart(2, '0');
  const start = wallTimeAt(new Date(session.startsAt), session.timeZone);
  const end = wallTimeAt(new Date(session.endsAt), session.timeZone);
  const time = (at: WallTime) => `${two(at.hour)}:${two(at.minute)}`;
  return { date: `${start.year}-${two(start.month)}-${two(start.day)}`, startTime: time(start), endTime: time(end) };
}

/** What the tab says after a change: who is being told, as the chat card says it. */
export interface SessionChange {
  readonly session: SessionRow;
  readonly notice: string;
}

/**
 * Move: the new day and times (the chat card's three inputs). The sessions use case decides who may, checks the times
 * (each problem under its field: date, startTime, endTime) and tells everyone booked or waiting.
 */
export async function moveSessionFromWorkspace(deps: WorkspaceDeps, actor: PersonRef, sessionId: string, body: unknown): Promise<Result<SessionChange>> {
  const sent = (body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '');
  const moved = await moveWholeSession(deps.sessions, actor, sessionId, { date: text(sent.date), startTime: text(sent.startTime), endTime: text(sent.endTime) });
  if (!moved.ok) return { ok: false, error: moved.error };
  const session = moved.value;
  return ok({ session: sessionRow(session, deps.sessions.clock.now()), notice: `Moved: ${session.title}. Everyone booked is being told and their calendars updated.` });
}

/** Seats: new seats go to the waiting list in order, who are told; fewer seats than people booked is refused by the use case. */
export async function changeSeatsFromWorkspace(deps: WorkspaceDeps, actor: PersonRef, sessionId: string, body: unknown): Promise<Result<SessionChange>> {
  const changed = await changeSessionSeats(deps.sessions, actor, sessionId, (body as { seats?: unknown } | undefined)?.seats);
  if (!changed.ok) return { ok: false, error: underSeats(changed.error) };
  const { session, promoted } = changed.value;
  return ok({ session: sessionRow(session, deps.sessions.clock.now()), notice: seatsNotice(session, promoted.length, changed.value.changed) });
}

/** A refused number is shown under the seats field; a refusal of the person or the session stays as it is. */
function underSeats(error: DomainError): DomainError {
  if (error.code !== 'INVALID_SEATS' && error.code !== 'SEATS_BELOW_CONFIRMED') return error;
  const problems: readonly FieldProblem[] = [{ field: 'seats', code: error.code, message: error.message }];
  return Object.assign({ code: error.code, message: error.message }, { problems });
}

function seatsNotice(session: Session, promoted: number, changed: boolean): string {
  if (!changed) return `${session.title} already has ${session.seats} seats.`;
  const told = promoted === 0 ? '' : promoted === 1 ? ' The first person waiting now has a place and is being told.' : ` The first ${promoted} people waiting now have places and are being told.`;
  return `Seats changed: ${session.title} now has ${session.seats} seats.${told}`;
}
