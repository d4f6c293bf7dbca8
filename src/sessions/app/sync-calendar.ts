import { confirmedBookings, formatSessionTime, type Session } from '../domain/index.js';
import { ConcurrencyError } from '../../platform/app/ports.js';
import type { CalendarAttendee, CalendarGateway, CalendarState, EmailLookup, SessionStore } from './session-ports.js';

export interface CalendarSyncDeps {
  readonly sessions: SessionStore;
  readonly calendar: CalendarGateway;
  readonly emails: EmailLookup;
  readonly now: () => Date;
  /** How long one worker may hold a session's calendar before another may take over (a crashed worker's lock runs out). */
  readonly lockMs?: number;
}

const DEFAULT_LOCK_MS = 60_000;

/**
 * Makes the session's Graph event match its bookings as stored when this runs (not when the effect was queued), so
 * retries, duplicates and crashes all converge. One worker at a time per session, across instances: a worker that finds
 * the calendar locked records the version it wanted and leaves; the holder syncs again before it lets go.
 */
export async function syncSessionCalendar(deps: CalendarSyncDeps, sessionId: string, queuedFor: number): Promise<'synced' | 'upToDate' | 'handedOver'> {
  const lockMs = deps.lockMs ?? DEFAULT_LOCK_MS;
  // Up to date with the session as stored now, not only as it was when this sync was queued: the effect worker drops
  // the syncs queued after this one as covered by it (they share a convergeKey).
  const version = Math.max(queuedFor, (await deps.sessions.get(sessionId))?.version ?? queuedFor);
  for (;;) {
    const { value: state, etag } = await deps.sessions.getCalendar(sessionId);
    if (state.syncedVersion >= version && state.requestedVersion <= state.syncedVersion) return 'upToDate';
    const now = deps.now();
    if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) {
      try {
        await deps.sessions.saveCalendar(sessionId, { ...state, requestedVersion: Math.max(state.requestedVersion, version) }, etag);
        return 'handedOver';
      } catch (error) {
        if (error instanceof ConcurrencyError) continue;
        throw error;
      }
    }
    let held: { state: CalendarState; etag: string };
    try {
      const locked = { ...state, lockedUntil: new Date(now.getTime() + lockMs).toISOString() };
      held = { state: locked, etag: await deps.sessions.saveCalendar(sessionId, locked, etag) };
    } catch (error) {
      if (error instanceof ConcurrencyError) continue;
      throw error;
    }
    await holdAndSync(deps, sessionId, held, lockMs);
    return 'synced';
  }
}

async function holdAndSync(deps: CalendarSyncDeps, sessionId: string, held: { state: CalendarState; etag: string }, lockMs: number): Promise<void> {
  let { state, etag } = held;
  for (;;) {
    let synced: CalendarState;
    try {
      synced = await converge(deps, sessionId, state);
    } catch (error) {
      await release(deps, sessionId, state, etag);
      throw error;
    }
    try {
      // In line again: a later failure is news to the coordinators (see tellCalendarFailure).
      const { lockedUntil: _held, reportedFailure: _told, ...rest } = synced;
      await deps.sessions.saveCalendar(sessionId, rest, etag);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    // Someone asked for a newer version while we worked (the only write others make while we hold the lock): keep
    // the lock, record what we did, and go again.
    const relocked = await whileHeld(deps, sessionId, (latest) => ({
      ...latest,
      eventId: synced.eventId ?? latest.eventId,
      ...(synced.joinUrl ? { joinUrl: synced.joinUrl } : {}),
      syncedVersion: Math.max(synced.syncedVersion, latest.syncedVersion),
      ...(synced.cancelled ? { cancelled: true } : {}),
      ...(synced.schedule ? { schedule: synced.schedule } : {}),
      lockedUntil: new Date(deps.now().getTime() + lockMs).toISOString(),
    }));
    state = relocked.state;
    etag = relocked.etag;
  }
}

/** Re-reads and rewrites the calendar row until the write lands; others only ever bump requestedVersion meanwhile. */
async function whileHeld(
  deps: CalendarSyncDeps,
  sessionId: string,
  change: (latest: CalendarState) => CalendarState,
): Promise<{ state: CalendarState; etag: string }> {
  for (let tries = 1; ; tries += 1) {
    const latest = await deps.sessions.getCalendar(sessionId);
    const state = change(latest.value);
    try {
      return { state, etag: await deps.sessions.saveCalendar(sessionId, state, latest.etag) };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || tries >= 50) throw error;
    }
  }
}

/** Lets go of the lock after a failure, keeping any version someone asked for; the failing effect is retried. */
async function release(deps: CalendarSyncDeps, sessionId: string, state: CalendarState, etag: string): Promise<void> {
  const { lockedUntil: _held, ...rest } = state;
  try {
    await deps.sessions.saveCalendar(sessionId, rest, etag);
  } catch {
    await whileHeld(deps, sessionId, ({ lockedUntil: _lock, ...latest }) => latest).catch(() => undefined);
  }
}

/** One pass: read the session, then create, cancel, or set the attendee list of its event. */
async function converge(deps: CalendarSyncDeps, sessionId: string, state: CalendarState): Promise<CalendarState> {
  const stored = await deps.sessions.get(sessionId);
  if (!stored) return { ...state, syncedVersion: Number.MAX_SAFE_INTEGER };
  const { session, version } = stored;
  const done = { ...state, syncedVersion: version, requestedVersion: Math.max(state.requestedVersion, version) };
  if (session.cancelledAt) {
    if (state.eventId && !state.cancelled) await deps.calendar.cancelEvent(state.eventId, `${session.title} has been cancelled.`);
    return { ...done, cancelled: true };
  }
  const wanted = await attendeesOf(deps.emails, session);
  let event = state.eventId ? { id: state.eventId, ...(state.joinUrl ? { joinUrl: state.joinUrl } : {}) } : undefined;
  if (!event) {
    // No event until someone has a place: a session nobody booked never reaches anyone's calendar.
    if (wanted.length === 0) return done;
    // After a crash or a lost response Graph hands back the event made before (same transaction id), whose
    // attendees may be older: so they are checked below like any other.
    event = await deps.calendar.createEvent(eventDetails(session), wanted);
  }
  let present = await deps.calendar.getAttendees(event.id);
  if (present === undefined) {
    // Deleted in Outlook: make it again (a new transaction id, or Graph would hand back the deleted one).
    event = await deps.calendar.createEvent({ ...eventDetails(session), transactionId: `${session.id}.v${version}` }, wanted);
    present = wanted;
  }
  const schedule = `${session.startsAt}|${session.endsAt}`;
  if (state.eventId && state.schedule && state.schedule !== schedule) {
    await deps.calendar.setSchedule(event.id, session);
  }
  if (!sameAddresses(present, wanted)) {
    const keep = new Map(present.map((attendee) => [attendee.address.toLowerCase(), attendee]));
    await deps.calendar.setAttendees(event.id, wanted.map((attendee) => keep.get(attendee.address.toLowerCase()) ?? attendee));
  }
  return { ...done, eventId: event.id, schedule, ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}) };
}

async function attendeesOf(emails: EmailLookup, session: Session): Promise<CalendarAttendee[]> {
  const confirmed = confirmedBookings(session);
  const addresses = await mapLimited(confirmed, 8, (booking) => emails.emailOf(booking.personId));
  const seen = new Set<string>();
  const attendees: CalendarAttendee[] = [];
  confirmed.forEach((booking, index) => {
    const address = addresses[index];
    if (!address || seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    attendees.push({ address, name: booking.displayName });
  });
  return attendees;
}

function sameAddresses(a: readonly CalendarAttendee[], b: readonly CalendarAttendee[]): boolean {
  const left = new Set(a.map((x) => x.address.toLowerCase()));
  const right = new Set(b.map((x) => x.address.toLowerCase()));
  return left.size === right.size && [...left].every((address) => right.has(address));
}

export function eventDetails(session: Session): {
  subject: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: Session['location'];
  transactionId: string;
  bodyText: string;
} {
  return {
    subject: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    location: session.location,
    transactionId: session.id,
    bodyText: `${session.title}, ${formatSessionTime(session)}. Booked through the mentoring scheme bot in Teams; to cancel your place, type "sessions" in your chat with the bot.`,
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
