import { describe, expect, it } from 'vitest';
import { parseNewSession } from '../../../src/sessions/domain/index.js';
import { NOW, validForm } from './session.fixture.js';

const context = { id: 'new-1', now: NOW };


function problemCodes(input: unknown): string[] {
  const result = parseNewSession(input, context);
  return result.ok ? [] : result.error.problems.map((p) => p.code);
}

describe('parseNewSession', () => {
  it('turns a good form into a draft, reading local times in Europe/London', () => {
    const result = parseNewSession(validForm, context);
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'new-1',
        kind: 'training',
        title: 'Mentor training',
        startsAt: '2026-11-30T09:30:00.000Z',
        endsAt: '2026-11-30T16:30:00.000Z',
        timeZone: 'Europe/London',
        location: { type: 'inPerson', venue: 'Town Hall' },
        seats: 20,
        bookingClosesAt: '2026-11-27T17:00:00.000Z',
      },
    });
  });

  it('reads summer times as BST and accepts explicit instants', () => {
    const summer = parseNewSession({ ...validForm, startsAt: '2027-06-01 09:30', endsAt: '2027-06-01T16:30:00+01:00' }, context);
    expect(summer.ok && [summer.value.startsAt, summer.value.endsAt]).toEqual(['2027-06-01T08:30:00.000Z', '2027-06-01T15:30:00.000Z']);
  });

  it('closes booking at the start when no closing time is given, and is online without a venue', () => {
    const result = parseNewSession({ ...validForm, bookingClosesAt: undefined, location: 'online', venue: '' }, context);
    expect(result.ok && result.value.bookingClosesAt).toBe('2026-11-30T09:30:00.000Z');
    expect(result.ok && result.value.location).toEqual({ type: 'online' });
  });

  it.each([
    ['an unknown kind', { kind: 'party' }, 'UNKNOWN_KIND'],
    ['no kind', { kind: undefined }, 'UNKNOWN_KIND'],
    ['an empty title', { title: '   ' }, 'TITLE_REQUIRED'],
    ['a 10,000-character title', { title: 'x'.repeat(10_000) }, 'TITLE_TOO_LONG'],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'TITLE_TOO_LONG'],
    ['an unreadable start', { startsAt: '30/11/2026 9:30' }, 'START_INVALID'],
    ['a date that does not exist', { startsAt: '2026-02-30 09:30' }, 'START_INVALID'],
    ['a time the clocks skip', { startsAt: '2027-03-28 01:30' }, 'START_INVALID'],
    ['an unreadable end', { endsAt: 42 }, 'END_INVALID'],
    ['the end before the start', { endsAt: '2026-11-30 08:00' }, 'END_NOT_AFTER_START'],
    ['the end equal to the start', { endsAt: '2026-11-30 09:30' }, 'END_NOT_AFTER_START'],
    ['a start in the past', { startsAt: '2026-10-30 09:30', endsAt: '2026-10-30 16:30', bookingClosesAt: '' }, 'START_IN_PAST'],
    ['zero seats', { seats: 0 }, 'INVALID_SEATS'],
    ['negative seats', { seats: '-5' }, 'INVALID_SEATS'],
    ['fractional seats', { seats: 2.5 }, 'INVALID_SEATS'],
    ['501 seats', { seats: 501 }, 'INVALID_SEATS'],
    ['seats as words', { seats: 'twenty' }, 'INVALID_SEATS'],
    ['booking closing after the start', { bookingClosesAt: '2026-11-30 10:00' }, 'BOOKING_CLOSES_AFTER_START'],
    ['booking closing at the start', { bookingClosesAt: '2026-11-30 09:30' }, 'BOOKING_CLOSES_AFTER_START'],
    ['booking already closed', { bookingClosesAt: '2026-10-01 09:30' }, 'BOOKING_ALREADY_CLOSED'],
    ['in person with no venue', { venue: ' ' }, 'VENUE_REQUIRED'],
    ['no location at all', { location: undefined, venue: undefined }, 'LOCATION_REQUIRED'],
    ['an unknown location', { location: 'moon' }, 'LOCATION_REQUIRED'],
    ['a very long venue', { venue: 'v'.repeat(201) }, 'VENUE_TOO_LONG'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'UNKNOWN_TIME_ZONE'],
  ])('refuses %s', (_name, change, code) => {
    expect(problemCodes({ ...validForm, ...change })).toContain(code);
  });

  it('reports every problem at once, in words a person can read', () => {
    const result = parseNewSession({ kind: 'party', title: '', seats: 0, startsAt: 'soon', endsAt: 'later', location: 'inPerson' }, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_NEW_SESSION');
    expect(result.error.problems.map((p) => p.field)).toEqual(['kind', 'title', 'venue', 'seats', 'startsAt', 'endsAt']);
    expect(result.error.message).toContain('Please give the session a title.');
    expect(result.error.message).toContain('Seats must be a whole number from 1 to 500.');
  });

  it.each([null, undefined, 'new session', 42, [], {}])('refuses %j without throwing', (input) => {
    expect(parseNewSession(input, context).ok).toBe(false);
  });

  it('uses the time zone the caller configures by default', () => {
    const result = parseNewSession(validForm, { ...context, defaultTimeZone: 'America/New_York' });
    expect(result.ok && [result.value.timeZone, result.value.startsAt]).toEqual(['America/New_York', '2026-11-30T14:30:00.000Z']);
  });
});

describe('parseNewSession, as the card sends it (Input.Date, Input.Time, Input.Number)', () => {
  const cardForm = { kind: 'training', title: 'Mentor training', date: '2026-11-30', startTime: '09:30', endTime: '16:30', location: 'inPerson', venue: 'Town Hall', seats: '20', closesDate: '', closesTime: '' };
  const problemsOf = (change: Record<string, unknown>) => {
    const result = parseNewSession({ ...cardForm, ...change }, context);
    return result.ok ? [] : result.error.problems.map((p) => ({ field: p.field, code: p.code, message: p.message }));
  };

  it('reads YYYY-MM-DD and HH:mm as wall-clock time in the zone, closing booking at the start when no close is given', () => {
    const result = parseNewSession(cardForm, context);
    expect(result.ok && [result.value.startsAt, result.value.endsAt, result.value.bookingClosesAt, result.value.seats]).toEqual([
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T16:30:00.000Z',
      '2026-11-30T09:30:00.000Z',
      20,
    ]);
  });

  it.each([
    ['seconds from a client that sends HH:mm:ss', { startTime: '09:30:00' }, '2026-11-30T09:30:00.000Z'],
    ['a UK day typed where the client shows a text box', { date: '30/11/2026' }, '2026-11-30T09:30:00.000Z'],
    ['a day written as the cards write it', { date: 'Mon 30 Nov 2026' }, '2026-11-30T09:30:00.000Z'],
    ['a summer day, in BST', { date: '2027-06-01' }, '2027-06-01T08:30:00.000Z'],
    ['Seats as a number', { seats: 20 }, '2026-11-30T09:30:00.000Z'],
  ])('accepts %s', (_name, change, startsAt) => {
    const result = parseNewSession({ ...cardForm, ...change }, context);
    expect(result.ok && result.value.startsAt).toBe(startsAt);
  });

  it('closes booking at the day and time given', () => {
    const result = parseNewSession({ ...cardForm, closesDate: '2026-11-27', closesTime: '17:00' }, context);
    expect(result.ok && result.value.bookingClosesAt).toBe('2026-11-27T17:00:00.000Z');
  });

  it.each([
    ['no day', { date: '' }, 'date', 'DATE_INVALID', 'Please choose the day of the session, such as Sun 29 Nov 2026.'],
    ['a day that does not exist', { date: '2026-02-30' }, 'date', 'DATE_INVALID', 'such as Sun 29 Nov 2026'],
    ['a day in US order', { date: '11/30/2026' }, 'date', 'DATE_INVALID', 'Please choose the day'],
    ['no start time', { startTime: '' }, 'startTime', 'START_INVALID', 'Please give the start time, such as 09:30.'],
    ['a start time of 25:00', { startTime: '25:00' }, 'startTime', 'START_INVALID', 'such as 09:30'],
    ['no end time', { endTime: undefined }, 'endTime', 'END_INVALID', 'Please give the end time, such as 16:30.'],
    ['the end before the start', { endTime: '08:00' }, 'endTime', 'END_NOT_AFTER_START', 'The end must be after the start.'],
    ['a day in the past', { date: '2026-10-30' }, 'date', 'START_IN_PAST', 'The session would start in the past: please choose a later day or time.'],
    ['a start the clocks skip', { date: '2027-03-28', startTime: '01:30' }, 'startTime', 'START_INVALID', 'the clocks change'],
    ['a closing time without a day', { closesTime: '17:00' }, 'closesDate', 'BOOKING_CLOSE_INVALID', 'Please choose the day booking closes as well as the time.'],
    ['a closing day without a time', { closesDate: '2026-11-27' }, 'closesTime', 'BOOKING_CLOSE_INVALID', 'Please give the time booking closes as well as the day.'],
    ['booking closing after the start', { closesDate: '2026-11-30', closesTime: '10:00' }, 'closesDate', 'BOOKING_CLOSES_AFTER_START', 'Booking must close before the session starts.'],
    ['booking already closed', { closesDate: '2026-10-01', closesTime: '09:00' }, 'closesDate', 'BOOKING_ALREADY_CLOSED', 'Booking would already be closed'],
    ['seats as words', { seats: 'twenty' }, 'seats', 'INVALID_SEATS', 'Seats must be a whole number from 1 to 500.'],
    ['501 seats', { seats: '501' }, 'seats', 'INVALID_SEATS', 'Seats must be a whole number from 1 to 500.'],
  ])('refuses %s, under its own field, in words a person can act on', (_name, change, field, code, words) => {
    const found = problemsOf(change).find((p) => p.field === field && p.code === code);
    expect(found?.message).toContain(words);
  });

  it('reports every problem at once, the times checked even when the closing time is half given', () => {
    expect(problemsOf({ date: '2026-10-30', startTime: '16:30', endTime: '09:30', seats: '0', closesTime: '17:00' }).map((p) => p.field)).toEqual(['seats', 'closesDate', 'date', 'endTime']);
  });

  it('gives as its example a day four weeks ahead, in the UK form, whatever the date today', () => {
    const later = parseNewSession({ ...cardForm, date: 'soon' }, { ...context, now: new Date('2027-07-01T12:00:00Z') });
    expect(later.ok ? '' : later.error.message).toContain('such as Thu 29 Jul 2027');
  });
});
