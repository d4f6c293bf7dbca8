import fc from 'fast-check';
import { COHORT_FORM_2027 } from '../../support/cohort-form.js';
import { describe, expect, it } from 'vitest';
import { cohortFormDefaults, cohortIdFor, EMPTY_COHORT_BOOK, parseCohortForm, type CohortBook } from '../../../src/sessions/domain/index.js';

const NOW = new Date('2026-12-04T10:00:00Z');
const LONDON = 'Europe/London';
const GOOD = COHORT_FORM_2027;
const parse = (input: unknown, book: CohortBook = EMPTY_COHORT_BOOK) => parseCohortForm(input, { now: NOW, timeZone: LONDON, book });
const OPENED: CohortBook = { cohorts: [{ id: 'cohort-2027', name: '2027 cohort', sessionIds: [], openedAt: NOW.toISOString(), openedBy: { id: 'c', name: 'C' } }], waitingForDates: [] };

describe('the "open the next cohort" form', () => {
  it('makes the cohort and its two sessions, in the zone\'s wall time (BST and GMT), belonging to the cohort', () => {
    const parsed = parse({ ...GOOD, informationDate: '2027-10-18' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.id).toBe('cohort-2027');
    expect(parsed.value.drafts.map((d) => [d.id, d.kind, d.title, d.startsAt, d.endsAt, d.bookingClosesAt, d.cohortId, d.seats])).toEqual([
      ['cohort-2027-information-session', 'informationSession', 'Mentoring scheme information session 2027', '2027-10-18T09:00:00.000Z', '2027-10-18T11:00:00.000Z', '2027-10-17T09:00:00.000Z', 'cohort-2027', 30],
      ['cohort-2027-training', 'training', 'Mentor training 2027 (full day)', '2027-11-29T09:30:00.000Z', '2027-11-29T16:30:00.000Z', '2027-11-28T09:30:00.000Z', 'cohort-2027', 30],
    ]);
    expect(parsed.value.drafts[0]!.location).toEqual({ type: 'inPerson', venue: 'Civic Centre' });
  });

  it('takes an online cohort without a venue, and booking open to the start when closing 0 hours before', () => {
    const parsed = parse({ ...GOOD, location: 'online', venue: '', closesHoursBefore: '0' });
    expect(parsed.ok && parsed.value.drafts[1]!.location).toEqual({ type: 'online' });
    expect(parsed.ok && parsed.value.drafts[1]!.bookingClosesAt).toBe('2027-11-29T09:30:00.000Z');
  });

  it.each([
    ['no name', { name: '   ' }, 'name', 'NAME_REQUIRED'],
    ['a name of punctuation only', { name: '!!!' }, 'name', 'NAME_NO_WORDS'],
    ['a name too long', { name: 'x'.repeat(61) }, 'name', 'NAME_TOO_LONG'],
    ['a cohort of that name already', { name: '2027' }, 'name', 'COHORT_EXISTS'],
    ['no date', { informationDate: '' }, 'informationDate', 'DATE_INVALID'],
    ['a date that does not exist', { trainingDate: '2027-02-30' }, 'trainingDate', 'START_INVALID'],
    ['a time that is not a time', { trainingStart: 'half nine' }, 'trainingStart', 'START_INVALID'],
    ['a time past midnight', { trainingEnd: '24:30' }, 'trainingEnd', 'END_INVALID'],
    ['an hour the clocks skip', { informationDate: '2027-03-28', informationStart: '01:30' }, 'informationDate', 'START_INVALID'],
    ['an end before the start', { informationEnd: '09:00' }, 'informationEnd', 'END_NOT_AFTER_START'],
    ['a date in the past', { informationDate: '2026-11-09' }, 'informationDate', 'START_IN_PAST'],
    ['booking that would already be closed', { informationDate: '2026-12-05', informationStart: '09:00', closesHoursBefore: '48' }, 'informationDate', 'BOOKING_ALREADY_CLOSED'],
    ['training before the information session', { trainingDate: '2027-11-01' }, 'trainingDate', 'TRAINING_BEFORE_INFORMATION'],
    ['no seats', { seats: '0' }, 'seats', 'INVALID_SEATS'],
    ['too many seats', { seats: '501' }, 'seats', 'INVALID_SEATS'],
    ['seats not a whole number', { seats: '2.5' }, 'seats', 'INVALID_SEATS'],
    ['in person with no venue', { venue: '' }, 'venue', 'VENUE_REQUIRED'],
    ['an unknown place', { location: 'moon' }, 'location', 'LOCATION_REQUIRED'],
    ['booking closing negative hours before', { closesHoursBefore: '-1' }, 'closesHoursBefore', 'INVALID_CLOSES_HOURS'],
    ['booking closing over 30 days before', { closesHoursBefore: '721' }, 'closesHoursBefore', 'INVALID_CLOSES_HOURS'],
  ])('refuses %s under its field', (_name, change, field, code) => {
    const parsed = parse({ ...GOOD, ...change }, 'name' in change && change.name === '2027' ? OPENED : EMPTY_COHORT_BOOK);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problems).toContainEqual(expect.objectContaining({ field, code }));
    for (const problem of parsed.error.problems) expect(problem.message).toMatch(/^[A-Z"]/);
  });

  it('reports every problem at once', () => {
    const parsed = parse({ ...GOOD, name: '', seats: 'lots', trainingEnd: '' });
    expect(!parsed.ok && parsed.error.problems.map((p) => p.field).sort()).toEqual(['name', 'seats', 'trainingEnd']);
  });

  it('never throws, and only ever yields a cohort whose sessions are ahead, in order, and bookable now', () => {
    const field = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '2027-11-08', '2026-12-05', '2027-02-29', '00:00', '23:59', '24:00', '0', '500', '-1', 'online', 'inPerson'), fc.integer(), fc.constant(undefined), fc.constant(null));
    const form = fc.record(Object.fromEntries(Object.keys(GOOD).map((key) => [key, fc.oneof(fc.constant(GOOD[key as keyof typeof GOOD]), field)])) as Record<keyof typeof GOOD, fc.Arbitrary<unknown>>);
    fc.assert(
      fc.property(fc.oneof(form, fc.anything()), (input) => {
        const parsed = parse(input);
        if (!parsed.ok) {
          expect(parsed.error.problems.length).toBeGreaterThan(0);
          return;
        }
        const [information, training] = parsed.value.drafts;
        expect(parsed.value.id).toBe(cohortIdFor(parsed.value.name));
        expect(NOW < new Date(information!.bookingClosesAt)).toBe(true);
        expect(information!.bookingClosesAt <= information!.startsAt && information!.startsAt < information!.endsAt).toBe(true);
        expect(information!.startsAt < training!.startsAt && training!.startsAt < training!.endsAt).toBe(true);
        expect(training!.seats).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("the form's defaults from the scheme file", () => {
  const config = { location: { type: 'inPerson' as const, venue: 'Civic Centre, Committee Room 1' }, seats: 30, timeZone: LONDON };

  it('on 4 December 2026, the 2027 cohort on the usual dates', () => {
    expect(cohortFormDefaults(config, EMPTY_COHORT_BOOK, NOW)).toEqual({
      name: '2027 cohort',
      informationDate: '2027-11-09',
      informationStart: '10:00',
      informationEnd: '12:00',
      trainingDate: '2027-11-30',
      trainingStart: '09:30',
      trainingEnd: '16:30',
      location: 'inPerson',
      venue: 'Civic Centre, Committee Room 1',
      seats: '30',
      closesHoursBefore: '24',
    });
  });

  it('earlier in the year, this year; once this year is open, the next', () => {
    const spring = new Date('2027-03-01T10:00:00Z');
    expect(cohortFormDefaults(config, EMPTY_COHORT_BOOK, spring).name).toBe('2027 cohort');
    expect(cohortFormDefaults(config, OPENED, spring).name).toBe('2028 cohort');
    expect(cohortFormDefaults(config, OPENED, spring).trainingDate).toBe('2028-11-30');
  });

  it('takes the scheme file\'s own dates, times and online place', () => {
    const values = cohortFormDefaults({ ...config, location: { type: 'online' }, informationSessionDate: '10-05', trainingDate: '10-20', times: { training: { start: '09:00', end: '15:00' } }, bookingClosesHoursBefore: 48 }, EMPTY_COHORT_BOOK, NOW);
    expect(values).toMatchObject({ informationDate: '2027-10-05', trainingDate: '2027-10-20', trainingStart: '09:00', trainingEnd: '15:00', informationStart: '10:00', location: 'online', venue: '', closesHoursBefore: '48' });
  });

  it('fills a form that parses', () => {
    expect(parse(cohortFormDefaults(config, EMPTY_COHORT_BOOK, NOW)).ok).toBe(true);
  });
});
