import { ConcurrencyError } from '../../platform/app/ports.js';
import type { CalendarFailure } from './calendar-failure.js';
import type { SessionStore } from './session-ports.js';

/**
 * Whether the coordinators should get this calendar-failure card. The first failure of an outage is told, to every
 * coordinator; later syncs of the same session failing for the same cause are not, until a sync succeeds (which clears
 * the mark). Otherwise every booking during a blocked mailbox would send each coordinator another card. When in doubt
 * (no id to compare, or the mark cannot be written) the card goes.
 */
export async function tellCalendarFailure(sessions: SessionStore, sessionId: string, failedEffectId: string | undefined, cause: CalendarFailure['cause']): Promise<boolean> {
  if (!failedEffectId) return true;
  const mark = `${failedEffectId}|${cause}`;
  for (let tries = 0; tries < 5; tries += 1) {
    const { value, etag } = await sessions.getCalendar(sessionId);
    if (value.reportedFailure === mark) return true; // this failure's card, to another coordinator
    if (value.reportedFailure?.endsWith(`|${cause}`)) return false;
    try {
      await sessions.saveCalendar(sessionId, { ...value, reportedFailure: mark }, etag);
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return true;
}
