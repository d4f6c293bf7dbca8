import type { RestrictedPeople } from '../../platform/app/restricted-people.js';
import type { Session } from '../domain/index.js';

/**
 * Sessions as a coordinator's lists and registers show them: the bookings and workshop answers of people whose records
 * are restricted (UK GDPR Art. 18) are left out. They stay stored, and every decision (seats, the waiting list) is made
 * from the stored session, never from this copy (docs/privacy.md, "Restriction").
 */
export async function shownSessions(restricted: RestrictedPeople, sessions: readonly Session[]): Promise<Session[]> {
  const ids = await restricted.restrictedIds();
  if (ids.size === 0) return [...sessions];
  return sessions.map((session) => withoutPeople(session, ids));
}

export async function shownSession(restricted: RestrictedPeople, session: Session): Promise<Session> {
  return (await shownSessions(restricted, [session]))[0]!;
}

function withoutPeople(session: Session, ids: ReadonlySet<string>): Session {
  const shown = (personId: string): boolean => !ids.has(personId.toLowerCase());
  const declined = session.declined?.filter((answer) => shown(answer.personId));
  return { ...session, bookings: session.bookings.filter((booking) => shown(booking.personId)), ...(declined ? { declined } : {}) };
}
