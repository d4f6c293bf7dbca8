import { describe, expect, it } from 'vitest';
import { upcomingBookings, type Session } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW } from './session.fixture.js';

const people = [aBooking('other', 'confirmed'), aBooking('w1', 'waiting'), aBooking('me', 'confirmed'), aBooking('w2', 'waiting')];

function at(id: string, startsAt: string, overrides: Partial<Session> = {}): Session {
  const start = new Date(startsAt);
  return aSession({
    id,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    bookingClosesAt: new Date(start.getTime() - 86_400_000).toISOString(),
    ...overrides,
  });
}

describe('upcomingBookings', () => {
  it.each([
    ['confirmed, coming', at('s', '2026-11-30T09:30:00Z', { bookings: people }), 'me', 's:confirmed'],
    ['waiting, with the place in the stored order', at('s', '2026-11-30T09:30:00Z', { bookings: people }), 'w2', 's:waiting:2'],
    ['booking closed but not started', at('s', '2026-11-01T20:00:00Z', { bookings: people }), 'me', 's:confirmed'],
    ['started (even if not yet ended)', at('s', '2026-11-01T11:00:00Z', { bookings: people }), 'me', ''],
    ['in the past', at('s', '2026-10-01T09:30:00Z', { bookings: people }), 'me', ''],
    ['cancelled', at('s', '2026-11-30T09:30:00Z', { bookings: people, cancelledAt: NOW.toISOString() }), 'me', ''],
    ['a cancelled booking', at('s', '2026-11-30T09:30:00Z', { bookings: [aBooking('me', 'cancelled')] }), 'me', ''],
    ['nobody booked', at('s', '2026-11-30T09:30:00Z'), 'me', ''],
  ])('%s', (_name, session, personId, expected) => {
    const shown = upcomingBookings([session], personId, NOW).map((b) => [b.session.id, b.status, ...(b.status === 'waiting' ? [b.position] : [])].join(':'));
    expect(shown.join(' ')).toBe(expected);
  });

  it('lists the soonest first, whatever order the sessions come in', () => {
    const later = at('later', '2026-12-07T09:30:00Z', { bookings: people });
    const sooner = at('sooner', '2026-11-20T09:30:00Z', { bookings: people });
    expect(upcomingBookings([later, sooner], 'me', NOW).map((b) => b.session.id)).toEqual(['sooner', 'later']);
  });
});
