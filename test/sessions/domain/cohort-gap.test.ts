import { describe, expect, it } from 'vitest';
import { EMPTY_COHORT_BOOK, noCohortNoticeDue, type CohortBook, type Session } from '../../../src/sessions/domain/index.js';
import { aSession } from './session.fixture.js';

/** Booking for the fixture's training closes on 29 November 2026 at 09:30 (UTC). */
const training = aSession();
const BEFORE_CLOSE = new Date('2026-11-20T10:00:00Z');
const AFTER_CLOSE = new Date('2026-12-04T10:00:00Z');
const cohort = (openedAt: string) => ({ id: 'cohort-2026', name: '2026 cohort', sessionIds: ['s1'], openedAt, openedBy: { id: 'c', name: 'C' } });
const told = (at: string, cohorts = [cohort('2026-10-01T10:00:00.000Z')]): CohortBook => ({ ...EMPTY_COHORT_BOOK, cohorts, noCohortNoticeAt: at });

describe('once per gap: when the coordinators are told no cohort is open', () => {
  it.each<[string, CohortBook, readonly Session[], Date, boolean]>([
    ['nothing ever opened, never told: told', EMPTY_COHORT_BOOK, [], AFTER_CLOSE, true],
    ['a session can still be booked: not told', EMPTY_COHORT_BOOK, [training], BEFORE_CLOSE, false],
    ['booking has closed, never told: told', EMPTY_COHORT_BOOK, [training], AFTER_CLOSE, true],
    ['told after booking closed: not again', told('2026-11-30T10:00:00.000Z'), [training], AFTER_CLOSE, false],
    ['told before the cohort opened and its booking closed since: a new gap', told('2026-09-01T10:00:00.000Z'), [training], AFTER_CLOSE, true],
    ['a cohort opened since (its sessions no longer listed): a new gap', told('2026-11-30T10:00:00.000Z', [cohort('2026-12-01T10:00:00.000Z')]), [], AFTER_CLOSE, true],
    ['a session cancelled before its booking closed counts up to its cancellation', told('2026-11-10T10:00:00.000Z'), [{ ...training, cancelledAt: '2026-11-05T10:00:00.000Z' }], AFTER_CLOSE, false],
    ['cancelled after the last notice: a new gap', told('2026-11-01T10:00:00.000Z'), [{ ...training, cancelledAt: '2026-11-05T10:00:00.000Z' }], new Date('2026-11-06T10:00:00Z'), true],
  ])('%s', (_name, book, sessions, now, due) => {
    expect(noCohortNoticeDue(book, sessions, now)).toBe(due);
  });
});
