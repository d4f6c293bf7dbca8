import { describe, expect, it } from 'vitest';
import { bookSession, declineSession, type Session } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW, person, statuses } from './session.fixture.js';

const workshop = (overrides: Partial<Session> = {}) => aSession({ kind: 'memberWorkshop', seats: 1, ...overrides });
const declinedIds = (session: Session) => (session.declined ?? []).map((each) => each.personId).join(' ');

describe("declineSession: Can't make it", () => {
  it.each<[string, Session, string, string, string | undefined, string | undefined]>([
    // name, session, who, bookings after, gave up, promoted
    ['someone with no booking: only the answer is kept', workshop(), 'a', '', undefined, undefined],
    ['someone with a place: it goes to the first person waiting', workshop({ bookings: [aBooking('a', 'confirmed'), aBooking('b', 'waiting'), aBooking('c', 'waiting')] }), 'a', 'a:cancelled b:confirmed c:waiting', 'confirmed', 'b'],
    ['someone waiting: they leave the list, nobody moves up', workshop({ bookings: [aBooking('a', 'confirmed'), aBooking('b', 'waiting'), aBooking('c', 'waiting')] }), 'b', 'a:confirmed b:cancelled c:waiting', 'waiting', undefined],
    ['someone who had cancelled before: only the answer', workshop({ bookings: [aBooking('a', 'cancelled')] }), 'a', 'a:cancelled', undefined, undefined],
  ])('%s', (_name, session, who, after, gaveUp, promoted) => {
    const result = declineSession(session, person(who), NOW);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.outcome).toBe('declined');
    expect(statuses(result.value.session)).toBe(after);
    expect(result.value.released?.status).toBe(gaveUp);
    expect(result.value.promoted?.personId).toBe(promoted);
    expect(result.value.session.declined).toEqual([{ personId: who, displayName: `Person ${who}`, at: NOW.toISOString() }]);
  });

  it('a second answer changes nothing (the same session back, nothing to write)', () => {
    const first = declineSession(workshop(), person('a'), NOW);
    if (!first.ok) throw new Error(first.error.message);
    const again = declineSession(first.value.session, person('a'), new Date(NOW.getTime() + 60_000));
    expect(again).toEqual({ ok: true, value: { session: first.value.session, outcome: 'alreadyDeclined' } });
  });

  it.each<[string, Session, string]>([
    ['a cancelled session', workshop({ cancelledAt: NOW.toISOString() }), 'SESSION_CANCELLED'],
    ['a session that has started', workshop({ startsAt: '2026-11-01T11:00:00.000Z' }), 'SESSION_STARTED'],
  ])('refuses %s, with a reason', (_name, session, code) => {
    const result = declineSession(session, person('a'), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('booking after saying no takes the answer back; the others stay', () => {
    const a = declineSession(workshop(), person('a'), NOW);
    if (!a.ok) throw new Error(a.error.message);
    const b = declineSession(a.value.session, person('b'), NOW);
    if (!b.ok) throw new Error(b.error.message);
    expect(declinedIds(b.value.session)).toBe('a b');
    const booked = bookSession(b.value.session, person('a'), undefined, NOW);
    if (!booked.ok) throw new Error(booked.error.message);
    expect(booked.value.outcome).toBe('confirmed');
    expect(declinedIds(booked.value.session)).toBe('b');
  });
});
