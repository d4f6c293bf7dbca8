import { describe, expect, it } from 'vitest';
import { cohortSessionDrafts, formatSessionTime, type CohortConfig } from '../../../src/sessions/domain/index.js';

const config: CohortConfig = { year: 2026, location: { type: 'inPerson', venue: 'Town Hall' }, seats: 30 };

describe('cohortSessionDrafts', () => {
  it('makes the information session on 9 November and the full-day training on 30 November by default', () => {
    const result = cohortSessionDrafts(config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [information, training] = result.value;
    expect(information).toMatchObject({
      id: 'cohort-2026-information-session',
      kind: 'informationSession',
      startsAt: '2026-11-09T10:00:00.000Z',
      bookingClosesAt: '2026-11-08T10:00:00.000Z',
      seats: 30,
      timeZone: 'Europe/London',
    });
    expect(training).toMatchObject({ id: 'cohort-2026-training', kind: 'training', location: { type: 'inPerson', venue: 'Town Hall' } });
    expect(training && formatSessionTime(training)).toBe('Mon 30 Nov 2026, 09:30–16:30 (GMT)');
  });

  it('gives the same ids for the same cohort, so seeding twice creates nothing new', () => {
    const first = cohortSessionDrafts(config);
    const second = cohortSessionDrafts({ ...config, seats: 40 });
    expect(first.ok && first.value.map((d) => d.id)).toEqual(second.ok && second.value.map((d) => d.id));
    const nextYear = cohortSessionDrafts({ ...config, year: 2027 });
    expect(nextYear.ok && nextYear.value.map((d) => d.id)).toEqual(['cohort-2027-information-session', 'cohort-2027-training']);
  });

  it('takes the dates, times, zone and closing from the configuration', () => {
    const result = cohortSessionDrafts({
      ...config,
      year: 2027,
      informationSessionDate: '09-14',
      trainingDate: '10-05',
      times: { informationSession: { start: '17:30', end: '19:00' } },
      location: { type: 'online' },
      bookingClosesHoursBefore: 48,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((d) => [d.startsAt, d.endsAt, d.bookingClosesAt])).toEqual([
      ['2027-09-14T16:30:00.000Z', '2027-09-14T18:00:00.000Z', '2027-09-12T16:30:00.000Z'],
      ['2027-10-05T08:30:00.000Z', '2027-10-05T15:30:00.000Z', '2027-10-03T08:30:00.000Z'],
    ]);
    expect(result.value.every((d) => d.location.type === 'online')).toBe(true);
  });

  it.each([
    ['a year that is not one', { year: 26 }, 'the year 26'],
    ['a date that does not exist', { trainingDate: '02-30' }, 'not real'],
    ['a date in the wrong shape', { informationSessionDate: '9 Nov' }, 'not real'],
    ['times the wrong way round', { times: { training: { start: '16:30', end: '09:30' } } }, 'must end after it starts'],
    ['zero seats', { seats: 0 }, 'seats must be'],
    ['a venue that is blank', { location: { type: 'inPerson' as const, venue: ' ' } }, 'needs a venue'],
    ['an unknown zone', { timeZone: 'Nowhere/Else' }, 'not a time zone'],
    ['a negative closing time', { bookingClosesHoursBefore: -1 }, 'zero or more'],
  ])('refuses %s with a clear message', (_name, change, words) => {
    const result = cohortSessionDrafts({ ...config, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_COHORT_CONFIG');
    expect(result.error.message).toContain(words);
  });
});
