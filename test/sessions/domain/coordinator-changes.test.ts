import { describe, expect, it } from 'vitest';
import { cancelSession, changeSeats, moveSession } from '../../../src/sessions/domain/index.js';
import { aBooking, aSession, NOW, statuses } from './session.fixture.js';

const booked = aSession({
  seats: 2,
  bookings: [aBooking('a', 'confirmed'), aBooking('b', 'cancelled'), aBooking('c', 'confirmed'), aBooking('d', 'waiting'), aBooking('e', 'waiting')],
});

describe('moveSession', () => {
  it('reads new times in the session time zone and tells everyone booked or waiting', () => {
    const result = moveSession(booked, { startsAt: '2026-12-07 09:30', endsAt: '2026-12-07 16:30' }, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.session.startsAt).toBe('2026-12-07T09:30:00.000Z');
    expect(result.value.session.endsAt).toBe('2026-12-07T16:30:00.000Z');
    expect(result.value.toTell.map((b) => b.personId)).toEqual(['a', 'c', 'd', 'e']);
    expect(result.value.session.bookings).toBe(booked.bookings);
  });

  it('keeps booking closing the same time before the start unless told otherwise', () => {
    const kept = moveSession(booked, { startsAt: '2026-12-07T09:30:00Z', endsAt: '2026-12-07T16:30:00Z' }, NOW);
    expect(kept.ok && kept.value.session.bookingClosesAt).toBe('2026-12-06T09:30:00.000Z');
    const given = moveSession(
      booked,
      { startsAt: '2026-12-07T09:30:00Z', endsAt: '2026-12-07T16:30:00Z', bookingClosesAt: '2026-12-01 17:00' },
      NOW,
    );
    expect(given.ok && given.value.session.bookingClosesAt).toBe('2026-12-01T17:00:00.000Z');
  });

  it('moving closer may leave booking already closed: the people booked keep their places', () => {
    const result = moveSession(booked, { startsAt: '2026-11-02T09:30:00Z', endsAt: '2026-11-02T16:30:00Z' }, NOW);
    expect(result.ok && result.value.session.bookingClosesAt).toBe('2026-11-01T09:30:00.000Z');
    expect(result.ok && statuses(result.value.session)).toBe(statuses(booked));
  });

  it.each([
    ['end before start', { startsAt: '2026-12-07 16:30', endsAt: '2026-12-07 09:30' }, 'END_NOT_AFTER_START'],
    ['start in the past', { startsAt: '2026-10-01 09:30', endsAt: '2026-10-01 16:30' }, 'START_IN_PAST'],
    ['unreadable start', { startsAt: 'next Tuesday', endsAt: '2026-12-07 16:30' }, 'START_INVALID'],
  ])('refuses %s with the field problem', (_name, input, problemCode) => {
    const result = moveSession(booked, input, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_TIMES');
    expect('problems' in result.error && result.error.problems.map((p) => p.code)).toContain(problemCode);
  });

  it.each([
    ['started', booked, new Date('2026-11-30T10:00:00Z'), 'SESSION_STARTED'],
    ['cancelled', { ...booked, cancelledAt: NOW.toISOString() }, NOW, 'SESSION_CANCELLED'],
  ] as const)('refuses to move a %s session', (_name, session, now, code) => {
    const result = moveSession(session, { startsAt: '2026-12-07 09:30', endsAt: '2026-12-07 16:30' }, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe('changeSeats', () => {
  it.each([
    [2, 'ok', 'a:confirmed b:cancelled c:confirmed d:waiting e:waiting', []],
    [3, 'ok', 'a:confirmed b:cancelled c:confirmed d:confirmed e:waiting', ['d']],
    [10, 'ok', 'a:confirmed b:cancelled c:confirmed d:confirmed e:confirmed', ['d', 'e']],
    [1, 'SEATS_BELOW_CONFIRMED', '', []],
    [0, 'INVALID_SEATS', '', []],
    [501, 'INVALID_SEATS', '', []],
    [2.5, 'INVALID_SEATS', '', []],
    [Number.NaN, 'INVALID_SEATS', '', []],
    // As a card sends them: digits as text are read; anything else is refused.
    ['3', 'ok', 'a:confirmed b:cancelled c:confirmed d:confirmed e:waiting', ['d']],
    [' 4 ', 'ok', 'a:confirmed b:cancelled c:confirmed d:confirmed e:confirmed', ['d', 'e']],
    ['2', 'ok', 'a:confirmed b:cancelled c:confirmed d:waiting e:waiting', []],
    ['1', 'SEATS_BELOW_CONFIRMED', '', []],
    ['-3', 'INVALID_SEATS', '', []],
    ['3.5', 'INVALID_SEATS', '', []],
    ['1e2', 'INVALID_SEATS', '', []],
    ['', 'INVALID_SEATS', '', []],
    ['ten', 'INVALID_SEATS', '', []],
    [undefined, 'INVALID_SEATS', '', []],
    [{ seats: 3 }, 'INVALID_SEATS', '', []],
  ])('to %s seats: %s', (seats, expected, after, promoted) => {
    const result = changeSeats(booked, seats, NOW);
    expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    if (!result.ok) return;
    expect(result.value.session.seats).toBe(Number(seats));
    expect(statuses(result.value.session)).toBe(after);
    expect(result.value.promoted.map((b) => b.personId)).toEqual(promoted);
  });

  it('says how many people hold a confirmed place when refusing', () => {
    const result = changeSeats(booked, 1, NOW);
    expect(!result.ok && result.error.message).toContain('2 people already have a confirmed place');
  });

  it.each([
    ['cancelled', { ...booked, cancelledAt: NOW.toISOString() }, NOW, 'SESSION_CANCELLED'],
    ['started', booked, new Date('2026-11-30T09:30:00Z'), 'SESSION_STARTED'],
    ['over', booked, new Date('2026-12-01T00:00:00Z'), 'SESSION_STARTED'],
  ] as const)('refuses on a %s session, even to add seats', (_name, session, now, code) => {
    const result = changeSeats(session, 5, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('allows a change after booking has closed, until the start', () => {
    const result = changeSeats(booked, 3, new Date('2026-11-29T12:00:00Z'));
    expect(result.ok && result.value.promoted.map((b) => b.personId)).toEqual(['d']);
  });

  it('lowering seats to no fewer than the confirmed people changes nobody', () => {
    const roomy = { ...booked, seats: 10, bookings: booked.bookings.filter((b) => b.status !== 'waiting') };
    const result = changeSeats(roomy, 2, NOW);
    expect(result.ok && statuses(result.value.session)).toBe('a:confirmed b:cancelled c:confirmed');
    expect(result.ok && result.value.promoted).toEqual([]);
  });
});

describe('cancelSession', () => {
  it('records when and lists everyone to tell', () => {
    const result = cancelSession(booked, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.session.cancelledAt).toBe(NOW.toISOString());
    expect(result.value.toTell.map((b) => b.personId)).toEqual(['a', 'c', 'd', 'e']);
  });

  it.each([
    ['twice', { ...booked, cancelledAt: NOW.toISOString() }, NOW, 'SESSION_CANCELLED'],
    ['after it started', booked, new Date('2026-11-30T09:30:00Z'), 'SESSION_STARTED'],
  ] as const)('refuses %s', (_name, session, now, code) => {
    const result = cancelSession(session, now);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});
