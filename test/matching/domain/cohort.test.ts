import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPair, DEFAULT_MATCHING_POLICY, suggestCohort, type MentorCandidate } from '../../../src/matching/domain/index.js';
import type { YoungPerson } from '../../../src/matching/domain/young-people/index.js';
import { breaksARule, mentorsArbitrary, youngPersonArbitrary } from './arbitraries.js';
import { NOW, UNDER_18_DOB, candidate, profile, youngPerson } from './fixtures.js';

describe('suggestCohort', () => {
  it('gives the mentor who fits two young people to the one only they can take', () => {
    const over18 = youngPerson({ id: 'yp-a', interests: ['football', 'cars'] });
    const under18 = youngPerson({ id: 'yp-b', dateOfBirth: UNDER_18_DOB, interests: [] });
    const cleared = candidate({ id: 'm-cleared', profile: profile({}, { interests: ['football', 'cars'] }) });
    const uncleared = candidate({ id: 'm-uncleared', dbs: undefined, profile: profile({}, { interests: ['art'] }) });
    const suggestion = suggestCohort([over18, under18], [cleared, uncleared], NOW);
    expect(suggestion.pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ youngPersonId: 'yp-a', mentorId: 'm-uncleared' }),
        expect.objectContaining({ youngPersonId: 'yp-b', mentorId: 'm-cleared' }),
      ]),
    );
    expect(suggestion.unassigned).toEqual([]);
  });

  it('leaves unassigned a young person nobody may mentor, and skips those not waiting', () => {
    const under18 = youngPerson({ id: 'yp-b', dateOfBirth: UNDER_18_DOB });
    const paused = youngPerson({ id: 'yp-p', status: 'paused' });
    const suggestion = suggestCohort([under18, paused], [candidate({ dbs: undefined })], NOW);
    expect(suggestion).toEqual({ pairs: [], totalScore: 0, unassigned: ['yp-b'] });
  });

  it('copes with nobody on either side', () => {
    expect(suggestCohort([], [candidate()], NOW)).toEqual({ pairs: [], totalScore: 0, unassigned: [] });
    expect(suggestCohort([youngPerson()], [], NOW)).toEqual({ pairs: [], totalScore: 0, unassigned: ['yp-1'] });
  });

  it('is as good as the best of every possible assignment: most young people matched, then most fit', () => {
    const scenario = fc.integer({ min: 1, max: 5 }).chain((n) => {
      const ids = Array.from({ length: n }, (_, i) => `yp-${i}`);
      return fc.tuple(fc.tuple(...ids.map((id) => youngPersonArbitrary(id))), mentorsArbitrary({ min: 0, max: 5 }, ids));
    });
    fc.assert(
      fc.property(scenario, ([people, mentors]) => {
        const suggestion = suggestCohort(people, mentors, NOW);
        const mentorIds = suggestion.pairs.map((pair) => pair.mentorId);
        expect(new Set(mentorIds).size).toBe(mentorIds.length);
        for (const pair of suggestion.pairs) {
          const mentor = mentors.find((each) => each.id === pair.mentorId) as MentorCandidate;
          const person = people.find((each) => each.id === pair.youngPersonId) as YoungPerson;
          expect(person.status).toBe('waiting');
          expect(breaksARule(mentor, person, DEFAULT_MATCHING_POLICY.maxActiveMatches)).toBeUndefined();
        }
        const best = bestByBruteForce(people.filter((each) => each.status === 'waiting'), mentors);
        expect([suggestion.pairs.length, suggestion.totalScore]).toEqual(best);
      }),
      { numRuns: 300 },
    );
  });
});

/** Tries every way of giving each young person one distinct mentor or none; returns [how many matched, total fit] at best. */
function bestByBruteForce(people: readonly YoungPerson[], mentors: readonly MentorCandidate[]): [number, number] {
  const score = people.map((person) =>
    mentors.map((mentor) => {
      const fit = assessPair(mentor, person, DEFAULT_MATCHING_POLICY, NOW);
      return fit.eligible ? fit.score.total : null;
    }),
  );
  let best: [number, number] = [0, 0];
  const visit = (row: number, used: Set<number>, count: number, total: number): void => {
    if (row === people.length) {
      if (count > best[0] || (count === best[0] && total > best[1])) best = [count, total];
      return;
    }
    visit(row + 1, used, count, total);
    score[row]?.forEach((value, column) => {
      if (value === null || used.has(column)) return;
      used.add(column);
      visit(row + 1, used, count + 1, total + value);
      used.delete(column);
    });
  };
  visit(0, new Set(), 0, 0);
  return best;
}
