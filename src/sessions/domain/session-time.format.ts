import { formatTimeRange } from '../../platform/kernel/time/time-range.format.js';
import type { Session } from './session.js';

const formatted = new Map<string, string>();

/** "Mon 30 Nov 2026, 09:30–16:30 (GMT)", in the session's own time zone, whatever the server's. */
export function formatSessionTime(session: Pick<Session, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  // Every card shows the same few sessions, and Intl's formatToParts is slow enough to show in a rush of bookings.
  const key = `${session.startsAt}|${session.endsAt}|${session.timeZone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatTimeRange(session.startsAt, session.endsAt, session.timeZone);
    if (formatted.size >= 1_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
