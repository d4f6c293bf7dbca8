import { describe, expect, it } from 'vitest';
import { recordAttendance } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession } from './session.fixture.js';

const after = new Date('2026-11-30T17:00:00Z');
const bookings = [aBooking('a', 'confirmed'), aBooking('b', 'confirmed'), aBooking('c', 'waiting'), aBooking('d', 'cancelled')];

describe('recordAttendance', () => {
  it('marks confirmed people present or absent and reports who to move to trained after a training', () => {
    const result = recordAttendance(aSession({ kind: 'training', bookings }), [
      { personId: 'a', present: true },
      { personId: 'b', present: false },
    ], after);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.session.bookings.map((b) => b.attended)).toEqual([true, false, undefined, undefined]);
    expect(result.value.present.map((b) => b.personId)).toEqual(['a']);
    expect(result.value.absent.map((b) => b.personId)).toEqual(['b']);
    expect(result.value.toMarkTrained).toEqual(['a']);
  });

  it('a second recording keeps earlier marks and reports everyone present so far', () => {
    const first = recordAttendance(aSession({ bookings }), [{ personId: 'a', present: true }], after);
    if (!first.ok) throw new Error(first.error.message);
    const second = recordAttendance(first.value.session, [{ personId: 'b', present: true }], after);
    expect(second.ok && second.value.toMarkTrained).toEqual(['a', 'b']);
  });

  it('a change of mind is recorded', () => {
    const first = recordAttendance(aSession({ bookings }), [{ personId: 'a', present: true }], after);
    if (!first.ok) throw new Error(first.error.message);
    const second = recordAttendance(first.value.session, [{ personId: 'a', present: false }], after);
    expect(second.ok && second.value.toMarkTrained).toEqual([]);
  });

  it.each(['informationSession', 'supervision', 'memberWorkshop'] as const)('moves nobody to trained after a %s', (kind) => {
    const result = recordAttendance(aSession({ kind, bookings }), [{ personId: 'a', present: true }], after);
    expect(result.ok && result.value.present.length).toBe(1);
    expect(result.ok && result.value.toMarkTrained).toEqual([]);
  });

  it.each([
    ['a waiting person', aSession({ bookings }), [{ personId: 'c', present: true }], after, 'NOT_CONFIRMED'],
    ['a cancelled booking', aSession({ bookings }), [{ personId: 'd', present: true }], after, 'NOT_CONFIRMED'],
    ['a stranger', aSession({ bookings }), [{ personId: 'zz', present: true }], after, 'NOT_CONFIRMED'],
    ['before the start', aSession({ bookings }), [{ personId: 'a', present: true }], new Date('2026-11-30T09:00:00Z'), 'SESSION_NOT_STARTED'],
    ['a cancelled session', aSession({ bookings, cancelledAt: '2026-11-20T00:00:00.000Z' }), [], after, 'SESSION_CANCELLED'],
  ])('refuses %s', (_name, session, marks, now, code) => {
    const result = recordAttendance(session, marks, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});
