import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Session } from '../domain/index.js';
import type { SessionDeps } from './session-deps.js';
import type { ListSessionsOptions, SessionStore } from './session-ports.js';
import { shownSession, shownSessions } from './shown-bookings.js';

/** A session as cards show it: with its Teams link once the calendar event has one. */
export interface SessionView {
  readonly session: Session;
  readonly joinUrl?: string;
}

const KEEP_SHOWING_MS = 45 * 86_400_000;
const ATTENDANCE_WINDOW_MS = 30 * 86_400_000;

/** Teams links never change once the event has one, so this instance keeps those it has seen (a cache, not a record). */
const joinUrls = new Map<string, string>();
/** When this instance last found no link yet (the event is still being made): asked again after a second, not per card. */
const noLinkSince = new Map<string, number>();
const NO_LINK_RECHECK_MS = 1_000;

/** Every session worth showing now (recent and coming), soonest first, with the Teams link when the event has one. */
export async function sessionViews(
  source: Pick<SessionDeps, 'sessions' | 'recent'>,
  now: Date,
  options: { kinds?: ReadonlySet<Session['kind']>; filter?: (session: Session) => boolean } = {},
): Promise<SessionView[]> {
  const listing = { endingAfter: new Date(now.getTime() - KEEP_SHOWING_MS), ...(options.kinds ? { kinds: options.kinds } : {}) };
  const sessions = (await listed(source, listing)).filter((session) => !options.filter || options.filter(session));
  sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return Promise.all(sessions.map((session) => withJoinUrl(source.sessions, session)));
}

/** From the recent-sessions cache when the bot has one (cards only: decisions always read the row). */
async function listed(source: Pick<SessionDeps, 'sessions' | 'recent'>, listing: ListSessionsOptions & { endingAfter: Date }): Promise<Session[]> {
  if (source.recent) return (await source.recent.list(listing)).map((stored) => stored.session);
  const sessions: Session[] = [];
  for await (const stored of source.sessions.list(listing)) sessions.push(stored.session);
  return sessions;
}

async function withJoinUrl(store: SessionStore, session: Session): Promise<SessionView> {
  if (session.location.type !== 'online') return { session };
  let joinUrl = joinUrls.get(session.id);
  const checkedAt = noLinkSince.get(session.id);
  if (!joinUrl && (checkedAt === undefined || performance.now() - checkedAt > NO_LINK_RECHECK_MS)) {
    joinUrl = (await store.getCalendar(session.id)).value.joinUrl;
    if (joinUrl) {
      joinUrls.set(session.id, joinUrl);
      noLinkSince.delete(session.id);
    } else {
      noLinkSince.set(session.id, performance.now());
    }
  }
  return joinUrl ? { session, joinUrl } : { session };
}

/** Every session worth showing a coordinator now, restricted people's bookings left out (they stay stored). */
export async function coordinatorSessionViews(deps: SessionDeps, now: Date): Promise<SessionView[]> {
  const views = await sessionViews(deps, now);
  const shown = await shownSessions(deps.restricted, views.map((view) => view.session));
  return views.map((view, i) => ({ ...view, session: shown[i]! }));
}

/** What `sessions` shows: the coordinator's view of every session, or the mentor's booking card. */
export async function sessionsFor(deps: SessionDeps, actor: PersonRef): Promise<{ readonly role: 'coordinator'; readonly views: SessionView[] } | { readonly role: 'mentor' }> {
  const managed = await sessionsToManage(deps, actor);
  return managed.ok ? { role: 'coordinator', views: managed.value } : { role: 'mentor' };
}

/** Every session a coordinator manages (recent and coming); refused to anyone else. */
export async function sessionsToManage(deps: SessionDeps, actor: PersonRef): Promise<Result<SessionView[], 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  return allowed.ok ? ok(await coordinatorSessionViews(deps, deps.clock.now())) : allowed;
}

/** Who may open the new-session form: the coordinators. */
export function openNewSessionForm(deps: SessionDeps, actor: PersonRef): Result<PersonRef, 'NOT_COORDINATOR'> {
  return requireCoordinator(deps.roles, actor);
}

/** Sessions that started in the last 30 days and were not cancelled, most recent first: the ones to take attendance for. */
export async function sessionsForAttendance(deps: SessionDeps, actor: PersonRef): Promise<Result<Session[], 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const now = deps.clock.now().getTime();
  const started = (s: Session): boolean => !s.cancelledAt && Date.parse(s.startsAt) <= now && Date.parse(s.startsAt) > now - ATTENDANCE_WINDOW_MS;
  const views = await sessionViews(deps, deps.clock.now(), { filter: started });
  return ok(await shownSessions(deps.restricted, views.map((view) => view.session).reverse()));
}

/** One session's attendance form, for a coordinator. */
export async function sessionForAttendance(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<Result<Session, 'NOT_COORDINATOR' | 'SESSION_NOT_FOUND'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const stored = await deps.sessions.get(sessionId);
  return stored ? ok(await shownSession(deps.restricted, stored.session)) : fail('SESSION_NOT_FOUND', 'This session no longer exists.');
}
