import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_POLICY, rankMentors } from '../../../src/matching/domain/index.js';
import { breaksARule, mentorsArbitrary, youngPersonArbitrary } from './arbitraries.js';
import { NOW, UNDER_18_DOB, candidate, profile, youngPerson } from './fixtures.js';

describe('rankMentors', () => {
  const mentors = [
    candidate({ id: 'm-a', name: 'Ann', worksInChildrensServices: true }),
    candidate({ id: 'm-b', name: 'Ben' }),
    candidate({ id: 'm-c', name: 'Cat', dbs: undefined }),
    candidate({ id: 'm-d', name: 'Dev', activeMatches: 1 }),
    candidate({ id: 'm-e', name: 'Eve', profile: profile({}, { interests: ['art'], expertise: [] }) }),
  ];

  it('ranks the eligible best first, with reasons, and lists the excluded with why', () => {
    const ranking = rankMentors(youngPerson({ dateOfBirth: UNDER_18_DOB }), mentors, NOW);
    if (!ranking.ok) throw new Error(ranking.error.message);
    expect(ranking.value.suggestions.map((s) => [s.mentorId, s.score])).toEqual([
      ['m-b', 25],
      ['m-a', 15],
      ['m-e', 15],
    ]);
    expect(ranking.value.suggestions[0]?.reasons.map((reason) => reason.kind)).toEqual(['interests', 'availability', 'outsideChildrensServices']);
    expect(ranking.value.excluded.map((e) => [e.mentorId, e.reasons.map((r) => r.code)])).toEqual([
      ['m-c', ['NO_ENHANCED_DBS']],
      ['m-d', ['AT_MATCH_LIMIT']],
    ]);
  });

  it('keeps the uncleared mentor for a 19-year-old', () => {
    const ranking = rankMentors(youngPerson(), mentors, NOW);
    expect(ranking.ok && ranking.value.suggestions.map((s) => s.mentorId)).toContain('m-c');
  });

  it('cuts the list to a limit but still lists every exclusion', () => {
    const ranking = rankMentors(youngPerson({ dateOfBirth: UNDER_18_DOB }), mentors, NOW, { limit: 1 });
    expect(ranking.ok && ranking.value.suggestions.length).toBe(1);
    expect(ranking.ok && ranking.value.excluded.length).toBe(2);
  });

  it.each([
    ['paused', youngPerson({ status: 'paused' }), 'YOUNG_PERSON_NOT_WAITING'],
    ['matched', youngPerson({ status: 'matched' }), 'YOUNG_PERSON_NOT_WAITING'],
    ['now 26', youngPerson({ dateOfBirth: '2000-03-02' }), 'YOUNG_PERSON_OUTSIDE_AGE_RANGE'],
  ])('suggests nobody for a young person %s', (_case, person, code) => {
    const ranking = rankMentors(person, mentors, NOW);
    expect(!ranking.ok && ranking.error.code).toBe(code);
  });

  it('never suggests a mentor who breaks a hard constraint, and accounts for every mentor', () => {
    const scenario = fc.tuple(youngPersonArbitrary('yp-1'), mentorsArbitrary({ min: 0, max: 12 }, ['yp-1', 'yp-2']), fc.integer({ min: 1, max: 2 }));
    fc.assert(
      fc.property(scenario, ([person, candidates, maxActiveMatches]) => {
        const policy = { ...DEFAULT_MATCHING_POLICY, maxActiveMatches };
        const ranking = rankMentors({ ...person, status: 'waiting' }, candidates, NOW, { policy });
        if (!ranking.ok) throw new Error(ranking.error.message);
        for (const suggestion of ranking.value.suggestions) {
          const mentor = candidates.find((each) => each.id === suggestion.mentorId);
          expect(mentor && breaksARule(mentor, person, maxActiveMatches)).toBeUndefined();
        }
        for (const excluded of ranking.value.excluded) {
          const mentor = candidates.find((each) => each.id === excluded.mentorId);
          expect(mentor && breaksARule(mentor, person, maxActiveMatches)).toBeDefined();
        }
        expect(ranking.value.suggestions.length + ranking.value.excluded.length).toBe(candidates.length);
        const scores = ranking.value.suggestions.map((s) => s.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }),
      { numRuns: 400 },
    );
  });
});
