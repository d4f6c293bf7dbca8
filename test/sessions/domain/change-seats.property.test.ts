import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSeats, confirmedBookings, waitingList, type Booking } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW } from './session.fixture.js';

const statusArb = fc.constantFrom<Booking['status']>('confirmed', 'waiting', 'cancelled');
const inputArb = fc.oneof(fc.string(), fc.integer({ min: -5, max: 600 }).map(String), fc.integer({ min: -5, max: 600 }), fc.double(), fc.constant(undefined));

describe('changing seats, whatever a card sends', () => {
  it('never un-books anyone, never exceeds the seats, and promotes the waiting list in order', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { maxLength: 30 }), inputArb, (statuses, input) => {
        const bookings = statuses.map((status, i) => aBooking(`p${i}`, status));
        const confirmedBefore = bookings.filter((b) => b.status === 'confirmed').length;
        const session = aSession({ seats: Math.max(1, confirmedBefore), bookings });
        const result = changeSeats(session, input, NOW);
        if (!result.ok) return;
        const after = result.value.session;
        expect(confirmedBookings(after).length).toBeLessThanOrEqual(after.seats);
        if (waitingList(after).length > 0) expect(confirmedBookings(after).length).toBe(after.seats);
        for (const before of bookings.filter((b) => b.status === 'confirmed')) {
          expect(after.bookings.find((b) => b.personId === before.personId)?.status).toBe('confirmed');
        }
        const firstWaiting = waitingList(session).slice(0, result.value.promoted.length).map((b) => b.personId);
        expect(result.value.promoted.map((b) => b.personId)).toEqual(firstWaiting);
      }),
    );
  });
});
