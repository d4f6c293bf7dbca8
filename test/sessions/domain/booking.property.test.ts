import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookSession,
  cancelBooking,
  changeSeats,
  confirmedBookings,
  waitingList,
  type Session,
} from '../../../src/sessions/domain/index.js';
import { aSession, NOW, person } from './session.fixture.js';

type Step = { type: 'book'; who: number } | { type: 'cancel'; who: number } | { type: 'seats'; seats: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('book' as const), who: fc.nat(15) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('cancel' as const), who: fc.nat(15) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('seats' as const), seats: fc.integer({ min: 0, max: 12 }) }) },
);

function apply(session: Session, step: Step): Session {
  if (step.type === 'book') {
    const result = bookSession(session, person(`p${step.who}`), 'approved', NOW);
    return result.ok ? result.value.session : session;
  }
  if (step.type === 'cancel') {
    const result = cancelBooking(session, `p${step.who}`, NOW);
    return result.ok ? result.value.session : session;
  }
  const result = changeSeats(session, step.seats, NOW);
  return result.ok ? result.value.session : session;
}

const ids = (bookings: readonly { personId: string }[]) => bookings.map((b) => b.personId);

describe('booking and cancelling, whatever the sequence', () => {
  it('never confirms more people than seats, and nobody waits while a seat is free', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(stepArb, { maxLength: 80 }), (seats, steps) => {
        let session = aSession({ seats });
        for (const step of steps) {
          session = apply(session, step);
          const confirmed = confirmedBookings(session).length;
          expect(confirmed).toBeLessThanOrEqual(session.seats);
          if (waitingList(session).length > 0) expect(confirmed).toBe(session.seats);
          expect(new Set(ids(session.bookings)).size).toBe(session.bookings.length);
        }
      }),
    );
  });

  it('keeps the waiting list in arrival order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(stepArb, { maxLength: 80 }), (seats, steps) => {
        let session = aSession({ seats });
        // The model: the order in which people joined the waiting list (most recent booking counts).
        let arrivals: string[] = [];
        for (const step of steps) {
          const before = session;
          session = apply(session, step);
          if (step.type === 'book' && session !== before) {
            const id = `p${step.who}`;
            arrivals = [...arrivals.filter((a) => a !== id), id];
          }
          const waiting = ids(waitingList(session));
          expect(waiting).toEqual(arrivals.filter((id) => waiting.includes(id)));
        }
      }),
    );
  });

  it('a cancelled confirmed booking promotes exactly the first person waiting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(stepArb, { maxLength: 60 }), fc.nat(15), (seats, steps, who) => {
        const session = steps.reduce(apply, aSession({ seats }));
        const id = `p${who}`;
        const wasConfirmed = confirmedBookings(session).some((b) => b.personId === id);
        const firstWaiting = waitingList(session)[0];
        const result = cancelBooking(session, id, NOW);
        if (!wasConfirmed) {
          expect(result.ok && result.value.promoted).toBeFalsy();
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.promoted?.personId).toBe(firstWaiting?.personId);
        expect(ids(waitingList(result.value.session))).toEqual(ids(waitingList(session)).slice(firstWaiting ? 1 : 0));
        expect(confirmedBookings(result.value.session).length).toBe(confirmedBookings(session).length - (firstWaiting ? 0 : 1));
      }),
    );
  });
});
