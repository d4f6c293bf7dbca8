import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { withoutRestricted } from '../../platform/app/restricted-people.js';
import { confirmedBookings, type Booking, type Session } from '../domain/index.js';
import type { SessionDeps } from './session-deps.js';
import { sessionForAttendance, sessionsForAttendance } from './session-views.js';

/** What the one attendance card shows: the sessions to pick from (newest first) and, for the chosen one, who had a place. */
export interface AttendanceRegister {
  readonly sessions: readonly Session[];
  readonly chosen: Session;
  /** Confirmed places, without anyone whose records are restricted (nothing may be recorded about them). */
  readonly booked: readonly Booking[];
}

/**
 * The register for a coordinator: the chosen session, or the newest one that has started. A session chosen from the
 * coordinator's list that is older than the picker's window is put into the picker too. `saved` is a session just
 * written, so the card shows what was stored without reading it again.
 */
export async function attendanceRegister(
  deps: SessionDeps,
  actor: PersonRef,
  choice: { readonly sessionId?: string; readonly saved?: Session } = {},
): Promise<Result<AttendanceRegister | undefined, 'NOT_COORDINATOR' | 'SESSION_NOT_FOUND'>> {
  const listed = await sessionsForAttendance(deps, actor);
  if (!listed.ok) return listed;
  const found = choice.saved ? ok(choice.saved) : choice.sessionId ? await chosenSession(deps, actor, choice.sessionId, listed.value) : ok(listed.value[0]);
  if (!found.ok) return found;
  const chosen = found.value;
  if (chosen === undefined) return ok(undefined);
  const sessions = listed.value.some((s) => s.id === chosen.id) ? listed.value.map((s) => (s.id === chosen.id ? chosen : s)) : newestFirst([chosen, ...listed.value]);
  const booked = await withoutRestricted(deps.restricted, confirmedBookings(chosen), (booking) => booking.personId);
  return ok({ sessions, chosen, booked });
}

async function chosenSession(deps: SessionDeps, actor: PersonRef, sessionId: string, listed: readonly Session[]): Promise<Result<Session, 'NOT_COORDINATOR' | 'SESSION_NOT_FOUND'>> {
  const known = listed.find((s) => s.id === sessionId);
  return known ? ok(known) : sessionForAttendance(deps, actor, sessionId);
}

function newestFirst(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}
