import { describe, expect, it } from 'vitest';
import { bookableFor, hasSessionsAhead, stillToCome } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW } from './session.fixture.js';

describe("what an approved mentor's card shows", () => {
  const open = aSession({ id: 'open' });
  const closed = aSession({ id: 'closed', bookingClosesAt: '2026-10-31T00:00:00.000Z' });
  const past = aSession({ id: 'past', startsAt: '2026-10-30T09:30:00.000Z', endsAt: '2026-10-30T16:30:00.000Z', bookingClosesAt: '2026-10-29T09:30:00.000Z' });
  const cancelled = aSession({ id: 'cancelled', cancelledAt: '2026-10-20T00:00:00.000Z' });

  it('folds away sessions that have started and cancelled ones', () => {
    expect([open, closed, past, cancelled].filter((s) => stillToCome(s, NOW)).map((s) => s.id)).toEqual(['open', 'closed']);
  });

  it('offers only sessions open for booking, for their stage, that they hold nothing on', () => {
    const held = aSession({ id: 'held', bookings: [aBooking('me', 'waiting')] });
    const given = aSession({ id: 'given', bookings: [aBooking('me', 'cancelled')] });
    expect(bookableFor([open, closed, past, cancelled, held, given], 'me', 'approved', NOW).map((s) => s.id)).toEqual(['open', 'given']);
    expect(bookableFor([open], 'me', 'trained', NOW)).toEqual([]);
  });

  it.each([
    ['a session to book', [aSession({ id: 'open' })], true],
    ['a place on a session still to come, booking closed', [aSession({ bookingClosesAt: '2026-10-31T00:00:00.000Z', bookings: [aBooking('me', 'confirmed')] })], true],
    ['only closed sessions and no place', [aSession({ bookingClosesAt: '2026-10-31T00:00:00.000Z' })], false],
    ['only past sessions, even with a place on one', [aSession({ startsAt: '2026-10-30T09:30:00.000Z', endsAt: '2026-10-30T16:30:00.000Z', bookings: [aBooking('me', 'confirmed')] })], false],
    ['nothing at all', [], false],
  ])('has something ahead with %s: %s', (_name, sessions, expected) => {
    expect(hasSessionsAhead(sessions, 'me', 'approved', NOW)).toBe(expected);
  });
});
