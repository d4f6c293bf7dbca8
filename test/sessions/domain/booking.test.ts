import { describe, expect, it } from 'vitest';
import {
  bookSession,
  cancelBooking,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_SESSION_JSON_LENGTH,
  seatsLeft,
  waitingPosition,
  type Session,
} from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW, person, statuses } from './session.fixture.js';

function book(session: Session, id: string) {
  const result = bookSession(session, person(id), 'approved', NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('bookSession', () => {
  it('confirms while seats remain, then puts people on the waiting list in arrival order', () => {
    let session = aSession({ seats: 2 });
    const outcomes: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      const booked = book(session, id);
      outcomes.push(`${booked.outcome}${booked.waitingPosition ?? ''}`);
      session = booked.session;
    }
    expect(outcomes).toEqual(['confirmed', 'confirmed', 'waiting1', 'waiting2']);
    expect(statuses(session)).toBe('a:confirmed b:confirmed c:waiting d:waiting');
    expect(seatsLeft(session)).toBe(0);
  });

  it('records who booked and when', () => {
    const { booking } = book(aSession(), 'a');
    expect(booking).toEqual({ personId: 'a', displayName: 'Person a', status: 'confirmed', bookedAt: NOW.toISOString() });
  });

  it.each([
    ['confirmed', [aBooking('a', 'confirmed')]],
    ['waiting', [aBooking('x', 'confirmed'), aBooking('a', 'waiting')]],
  ] as const)('booking twice while %s is a no-op, not a second row', (status, bookings) => {
    const session = aSession({ seats: 1, bookings });
    const again = book(session, 'a');
    expect(again.outcome).toBe('alreadyBooked');
    expect(again.session).toBe(session);
    expect(again.booking.status).toBe(status);
  });

  it('a person who cancelled and books again reuses their row and goes to the back', () => {
    const session = aSession({ seats: 1, bookings: [aBooking('a', 'cancelled'), aBooking('b', 'confirmed'), aBooking('c', 'waiting')] });
    const again = book(session, 'a');
    expect(again.outcome).toBe('waiting');
    expect(again.waitingPosition).toBe(2);
    expect(statuses(again.session)).toBe('b:confirmed c:waiting a:waiting');
  });

  it.each([
    ['unapproved person', aSession(), 'awaitingApproval', NOW, 'NOT_ELIGIBLE'],
    ['booking closed', aSession(), 'approved', new Date('2026-11-29T10:00:00Z'), 'BOOKING_CLOSED'],
    ['session started', aSession(), 'approved', new Date('2026-11-30T10:00:00Z'), 'SESSION_STARTED'],
    ['session cancelled', aSession({ cancelledAt: '2026-10-31T00:00:00.000Z' }), 'approved', NOW, 'SESSION_CANCELLED'],
  ] as const)('refuses: %s', (_name, session, stage, now, code) => {
    const result = bookSession(session, person('a'), stage, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('keeps long display names short so the row stays compact', () => {
    const result = bookSession(aSession(), { id: 'a', name: 'x'.repeat(500) }, 'approved', NOW);
    expect(result.ok && Array.from(result.value.booking.displayName).length).toBe(MAX_DISPLAY_NAME_LENGTH);
  });

  it('refuses a new name once the stored row would grow past its budget', () => {
    let session = aSession({ seats: 500 });
    let refused: string | undefined;
    for (let i = 0; i < 2000 && !refused; i += 1) {
      const result = bookSession(session, { id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, name: 'N'.repeat(64) }, 'approved', NOW);
      if (result.ok) session = result.value.session;
      else refused = result.error.code;
    }
    expect(refused).toBe('SESSION_LIST_FULL');
    expect(JSON.stringify(session).length).toBeLessThanOrEqual(MAX_SESSION_JSON_LENGTH);
  });
});

describe('cancelBooking', () => {
  const full = aSession({
    seats: 2,
    bookings: [aBooking('a', 'confirmed'), aBooking('b', 'confirmed'), aBooking('c', 'waiting'), aBooking('d', 'waiting')],
  });

  it('frees the seat and promotes the first person waiting', () => {
    const result = cancelBooking(full, 'a', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cancelled.personId).toBe('a');
    expect(result.value.promoted?.personId).toBe('c');
    expect(statuses(result.value.session)).toBe('a:cancelled b:confirmed c:confirmed d:waiting');
    expect(waitingPosition(result.value.session, 'd')).toBe(1);
  });

  it('cancelling a waiting place promotes nobody', () => {
    const result = cancelBooking(full, 'c', NOW);
    expect(result.ok && result.value.promoted).toBeUndefined();
    expect(result.ok && statuses(result.value.session)).toBe('a:confirmed b:confirmed c:cancelled d:waiting');
  });

  it('is allowed after booking closes, until the session starts', () => {
    expect(cancelBooking(full, 'a', new Date('2026-11-30T09:00:00Z')).ok).toBe(true);
  });

  it.each([
    ['not booked', full, 'zz', NOW, 'NOT_BOOKED'],
    ['already cancelled', aSession({ bookings: [aBooking('a', 'cancelled')] }), 'a', NOW, 'NOT_BOOKED'],
    ['session started', full, 'a', new Date('2026-11-30T09:30:00Z'), 'SESSION_STARTED'],
    ['session cancelled', { ...full, cancelledAt: NOW.toISOString() }, 'a', NOW, 'SESSION_CANCELLED'],
  ] as const)('refuses: %s', (_name, session, personId, now, code) => {
    const result = cancelBooking(session, personId, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});
