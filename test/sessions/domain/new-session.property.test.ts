import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEATS, MAX_TITLE_LENGTH, parseNewSession, SESSION_KINDS } from '../../../src/sessions/domain/index.js';
import { NOW, validForm } from './session.fixture.js';

const context = { id: 'p-1', now: NOW };

const dateText = fc
  .date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2027-12-31T23:59:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 16).replace('T', ' '));

function mostly<T>(good: fc.Arbitrary<T>, wild: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: wild });
}

/** Forms that are nearly right, field by field, so that a fair share pass and the invariants are really exercised. */
const plausibleForm = fc.record(
  {
    kind: mostly(fc.constantFrom(...SESSION_KINDS), fc.string()),
    title: mostly(fc.string({ minLength: 1, maxLength: 120 }), fc.string({ maxLength: 200 })),
    startsAt: mostly(dateText, fc.string()),
    endsAt: mostly(dateText, fc.string()),
    timeZone: mostly(fc.constantFrom(undefined, 'Europe/London', 'Asia/Kolkata', 'America/St_Johns'), fc.string()),
    location: mostly(fc.constantFrom('online', 'inPerson'), fc.string()),
    venue: mostly(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ maxLength: 260 })),
    seats: mostly(fc.integer({ min: 1, max: 500 }), fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 }))),
    bookingClosesAt: mostly(fc.constantFrom(undefined, ''), fc.oneof(dateText, fc.string())),
  },
  { requiredKeys: [] },
);

/** Good forms for sessions in early December; the breakages below are relative to them. */
const goodForm = fc.record({
  kind: fc.constantFrom(...SESSION_KINDS),
  title: fc.string({ minLength: 1, maxLength: 120 }).filter((t) => t.trim() === t && t.length > 0),
  startsAt: fc.integer({ min: 1, max: 9 }).map((day) => `2026-12-0${day} 09:30`),
  endsAt: fc.constant('2026-12-10 16:30'),
  location: fc.constant('inPerson'),
  venue: fc.constantFrom('Town Hall', 'Civic Centre, Room 2'),
  seats: fc.integer({ min: 1, max: 500 }),
  bookingClosesAt: fc.constantFrom(undefined, '2026-11-30 17:00'),
});

/** One way to break a good form, with the problem it must cause. */
const breakage = fc.constantFrom<[Record<string, unknown>, string]>(
  [{ kind: 'party' }, 'UNKNOWN_KIND'],
  [{ title: '' }, 'TITLE_REQUIRED'],
  [{ title: 'x'.repeat(121) }, 'TITLE_TOO_LONG'],
  [{ endsAt: '2026-12-01 09:00' }, 'END_NOT_AFTER_START'],
  [{ startsAt: '2026-10-31 09:30', endsAt: '2026-10-31 16:30', bookingClosesAt: undefined }, 'START_IN_PAST'],
  [{ seats: 0 }, 'INVALID_SEATS'],
  [{ seats: -1 }, 'INVALID_SEATS'],
  [{ bookingClosesAt: '2026-12-10 09:00' }, 'BOOKING_CLOSES_AFTER_START'],
  [{ venue: '' }, 'VENUE_REQUIRED'],
);

describe('parseNewSession, for any input', () => {
  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        parseNewSession(input, context);
      }),
    );
  });

  it('never throws on an object whose fields are anything', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(validForm), 'timeZone'), fc.anything()), (input) => {
        parseNewSession(input, context);
      }),
    );
  });

  it('only ever yields a session that keeps every rule', () => {
    let accepted = 0;
    fc.assert(
      fc.property(plausibleForm, (form) => {
        const result = parseNewSession(form, context);
        if (!result.ok) {
          expect(result.error.problems.length).toBeGreaterThan(0);
          return;
        }
        const s = result.value;
        expect(SESSION_KINDS).toContain(s.kind);
        expect(Array.from(s.title).length).toBeGreaterThanOrEqual(1);
        expect(Array.from(s.title).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
        expect(Number.isInteger(s.seats) && s.seats >= 1 && s.seats <= MAX_SEATS).toBe(true);
        expect(Date.parse(s.startsAt)).toBeGreaterThan(NOW.getTime());
        expect(Date.parse(s.endsAt)).toBeGreaterThan(Date.parse(s.startsAt));
        expect(Date.parse(s.bookingClosesAt)).toBeLessThanOrEqual(Date.parse(s.startsAt));
        if (s.location.type === 'inPerson') expect(s.location.venue.trim()).not.toBe('');
        accepted += 1;
      }),
      { numRuns: 1000 },
    );
    // Not a timing or luck assertion: with these weights roughly one form in twenty passes.
    expect(accepted).toBeGreaterThan(10);
  });

  it('a good form with any one thing broken yields no session and names that problem', () => {
    fc.assert(
      fc.property(goodForm, breakage, (form, [change, code]) => {
        expect(parseNewSession(form, context).ok).toBe(true);
        const result = parseNewSession({ ...form, ...change }, context);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.problems.map((p) => p.code)).toContain(code);
      }),
    );
  });
});
