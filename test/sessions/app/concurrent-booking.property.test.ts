import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { book } from '../../../src/sessions/app/book-session.js';
import { cancelMyBooking } from '../../../src/sessions/app/cancel-booking.js';
import { SessionWriter } from '../../../src/sessions/app/session-writer.js';
import { confirmedBookings, waitingList } from '../../../src/sessions/domain/index.js';
import { freshSessionStorage } from '../../support/session-storage.js';
import { approvedMentor } from '../../support/sessions-bot.js';
import { aSession } from '../domain/session.fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const PEOPLE = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` }));

describe('bookings and cancellations racing on Azurite', () => {
  it('never hold more confirmed places than seats, never leave a seat free while someone waits, keep one row per person', async () => {
    const { deps, sessions, mentors } = await freshSessionStorage(() => NOW);
    for (const person of PEOPLE) await approvedMentor(mentors, person, NOW);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ person: fc.integer({ min: 0, max: PEOPLE.length - 1 }), cancel: fc.boolean() }), { minLength: 1, maxLength: 16 }),
        fc.boolean(),
        async (seats, operations, queued) => {
          const id = `race-${run++}`;
          const session = aSession({
            id,
            kind: 'informationSession',
            title: 'Race',
            startsAt: '2026-11-30T10:00:00.000Z',
            endsAt: '2026-11-30T12:00:00.000Z',
            location: { type: 'online' },
            seats,
            bookingClosesAt: '2026-11-29T10:00:00.000Z',
          });
          await sessions.save({ session, version: 1, audit: [], effects: [] });
          // With and without the per-instance writer: the etag alone must hold the rules.
          const d = queued ? { ...deps, sessionWriter: new SessionWriter(deps.sessions, deps.clock) } : deps;
          await Promise.all(operations.map((op) => (op.cancel ? cancelMyBooking(d, PEOPLE[op.person]!, id) : book(d, PEOPLE[op.person]!, id))));
          const stored = (await sessions.get(id))!.session;
          const confirmed = confirmedBookings(stored).length;
          expect(confirmed).toBeLessThanOrEqual(seats);
          if (waitingList(stored).length > 0) expect(confirmed).toBe(seats);
          expect(new Set(stored.bookings.map((b) => b.personId)).size).toBe(stored.bookings.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
