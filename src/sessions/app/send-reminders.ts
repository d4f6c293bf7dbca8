import { SYSTEM } from '../../platform/kernel/person.js';
import { confirmedBookings } from '../domain/index.js';
import { ConcurrencyError, type Effect } from '../../platform/app/ports.js';
import { bookingAudit, fanOut } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

/**
 * The day-before reminders: for each session starting within `hoursBefore`, one reminder per confirmed person, queued
 * with the write that records them as sent, so every instance may run this and each person is reminded once per start
 * time (a moved session is reminded again).
 */
export async function sendSessionReminders(deps: SessionDeps, hoursBefore: number): Promise<number> {
  const now = deps.clock.now();
  const horizon = now.getTime() + hoursBefore * 3_600_000;
  let queued = 0;
  for await (const stored of deps.sessions.list()) {
    const { session } = stored;
    const starts = Date.parse(session.startsAt);
    if (session.cancelledAt || starts <= now.getTime() || starts > horizon || stored.remindedFor === session.startsAt) continue;
    const version = stored.version + 1;
    const reminded = confirmedBookings(session).length;
    const effects: Effect[] = reminded > 0 ? [fanOut(session, version, 'reminder', SYSTEM)] : [];
    try {
      await deps.sessions.save({
        session,
        etag: stored.etag,
        version,
        remindedFor: session.startsAt,
        audit: [bookingAudit(SYSTEM, 'sendReminders', session, now, `REMINDED_${reminded}`)],
        effects,
      });
      queued += reminded;
    } catch (error) {
      // Someone booked or another instance reminded first: the next run looks again.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return queued;
}
