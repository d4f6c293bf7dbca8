import type { SessionStore } from './session-ports.js';
import { calendarSync } from './session-effects.js';

/**
 * The safety net under calendar effects: a session whose event is behind its bookings (a sync that failed for good,
 * say a 403 before the access policy was fixed) gets a fresh sync effect. Its id names the version, so every instance
 * may run this and the effect is queued once per version.
 */
/** Returns how many sessions were behind. */
export async function reconcileCalendars(sessions: SessionStore, now: Date): Promise<number> {
  let queued = 0;
  for await (const stored of sessions.list({ endingAfter: now })) {
    const calendar = (await sessions.getCalendar(stored.session.id)).value;
    const locked = calendar.lockedUntil && Date.parse(calendar.lockedUntil) > now.getTime();
    if (calendar.syncedVersion >= stored.version || locked) continue;
    const effect = calendarSync(stored.session, stored.version);
    await sessions.addEffects(stored.session.id, [{ ...effect, id: `${effect.id}.reconcile` }]);
    queued += 1;
  }
  return queued;
}
