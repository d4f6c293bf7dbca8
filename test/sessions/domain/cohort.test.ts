import { describe, expect, it } from 'vitest';
import { addCohort, addWaiting, cohortIdFor, cohortKey, cohortStatus, EMPTY_COHORT_BOOK, removeWaiting, type Cohort } from '../../../src/sessions/domain/index.js';
import { aSession } from './session.fixture.js';

const COORDINATOR = { id: 'c', name: 'Isaiah Langer' };
const cohort = (name: string, sessionIds: string[] = []): Cohort => ({ id: cohortIdFor(name), name, sessionIds, openedAt: '2026-12-04T10:00:00.000Z', openedBy: COORDINATOR });
const waiting = (mentorId: string) => ({ mentorId, name: `Mentor ${mentorId}`, since: '2026-12-04T10:00:00.000Z' });

describe('cohorts', () => {
  it.each([
    ['2027 cohort', '2027'],
    ['2027', '2027'],
    ['  2027   Cohort ', '2027'],
    ['Spring 2028 cohort', 'spring-2028'],
    ['cohort', ''],
    ['Été 2029!', 'été-2029'],
  ])('keys "%s" as "%s", so one cohort cannot be opened twice under two spellings', (name, key) => {
    expect(cohortKey(name)).toBe(key);
  });

  it('gives a cohort seeded from the scheme file and one opened as "2027 cohort" the same id', () => {
    expect(cohortIdFor('2027 cohort')).toBe('cohort-2027');
    expect(cohortIdFor('2027')).toBe('cohort-2027');
  });

  it('adds a cohort, offering everyone waiting and emptying the wait in the same book', () => {
    const book = { cohorts: [], waitingForDates: [waiting('a'), waiting('b')] };
    const added = addCohort(book, cohort('2027 cohort'));
    expect(added.ok && added.value.offered.map((w) => w.mentorId)).toEqual(['a', 'b']);
    expect(added.ok && added.value.book).toEqual({ cohorts: [cohort('2027 cohort')], waitingForDates: [] });
  });

  it('refuses a cohort of the same name, suggesting the next year', () => {
    const book = { cohorts: [cohort('2027 cohort')], waitingForDates: [waiting('a')] };
    const again = addCohort(book, cohort('2027 Cohort'));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe('COHORT_EXISTS');
    expect(!again.ok && again.error.message).toContain('such as "2028 cohort"');
  });

  it('puts a mentor on the wait once, and takes them off once', () => {
    const one = addWaiting(EMPTY_COHORT_BOOK, waiting('a'))!;
    expect(one.waitingForDates).toHaveLength(1);
    expect(addWaiting(one, waiting('a'))).toBeUndefined();
    expect(removeWaiting(one, 'a')!.waitingForDates).toEqual([]);
    expect(removeWaiting(EMPTY_COHORT_BOOK, 'a')).toBeUndefined();
  });

  it.each([
    ['open while a session can be booked', '2026-11-01T12:00:00Z', 'open'],
    ['booking closed before the sessions', '2026-11-29T12:00:00Z', 'bookingClosed'],
    ['past once both have started', '2026-12-01T12:00:00Z', 'past'],
  ])('is %s', (_name, now, status) => {
    const info = aSession({ id: 'i', kind: 'informationSession', startsAt: '2026-11-09T10:00:00.000Z', endsAt: '2026-11-09T12:00:00.000Z', bookingClosesAt: '2026-11-08T10:00:00.000Z' });
    const training = aSession({ id: 't' });
    expect(cohortStatus(cohort('2026 cohort', ['i', 't']), [info, training, aSession({ id: 'other' })], new Date(now))).toBe(status);
  });

  it('is cancelled when every one of its sessions was', () => {
    const cancelled = aSession({ id: 't', cancelledAt: '2026-11-02T00:00:00.000Z' });
    expect(cohortStatus(cohort('2026 cohort', ['t']), [cancelled], new Date('2026-11-03T00:00:00Z'))).toBe('cancelled');
  });
});
