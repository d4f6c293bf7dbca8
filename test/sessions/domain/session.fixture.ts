import type { Booking, NewSessionInput, Session } from '../../../src/sessions/domain/index.js';

export const NOW = new Date('2026-11-01T12:00:00Z');

export function aSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 's1',
    kind: 'training',
    title: 'Mentor training',
    startsAt: '2026-11-30T09:30:00.000Z',
    endsAt: '2026-11-30T16:30:00.000Z',
    timeZone: 'Europe/London',
    location: { type: 'inPerson', venue: 'Town Hall, Committee Room 1' },
    seats: 2,
    bookingClosesAt: '2026-11-29T09:30:00.000Z',
    bookings: [],
    ...overrides,
  };
}

export function aBooking(personId: string, status: Booking['status'], overrides: Partial<Booking> = {}): Booking {
  return { personId, displayName: `Person ${personId}`, status, bookedAt: '2026-11-01T10:00:00.000Z', ...overrides };
}

export function person(id: string): { id: string; name: string } {
  return { id, name: `Person ${id}` };
}

export function statuses(session: Session): string {
  return session.bookings.map((b) => `${b.personId}:${b.status}`).join(' ');
}

/** A `new session` form that passes, as a card would send it. */
export const validForm: NewSessionInput = {
  kind: 'training',
  title: '  Mentor training  ',
  startsAt: '2026-11-30 09:30',
  endsAt: '2026-11-30 16:30',
  location: 'inPerson',
  venue: 'Town Hall',
  seats: '20',
  bookingClosesAt: '2026-11-27 17:00',
};
