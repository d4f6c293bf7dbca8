import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATCHING_POLICY,
  hardConstraintViolations,
  type ExclusionCode,
  type MentorCandidate,
} from '../../../src/matching/domain/index.js';
import type { YoungPerson } from '../../../src/matching/domain/young-people/index.js';
import { NO_PREFERENCES, NOW, UNDER_18_DOB, candidate, profile, youngPerson } from './fixtures.js';

const under18 = { dateOfBirth: UNDER_18_DOB };
const wants = (preferences: Partial<YoungPerson['preferences']>): Partial<YoungPerson> => ({ preferences: { ...NO_PREFERENCES, ...preferences } });

describe('hardConstraintViolations', () => {
  it.each<[string, Partial<MentorCandidate>, Partial<YoungPerson>, ExclusionCode[]]>([
    ['a cleared, ready mentor and a 19-year-old', {}, {}, []],
    ['an uncleared mentor and a 19-year-old', { dbs: undefined }, {}, []],
    ['an uncleared mentor and a 17-year-old', { dbs: undefined }, under18, ['NO_ENHANCED_DBS']],
    ['a lapsed DBS and a 17-year-old', { dbs: { checkedOn: '2020-01-01', certificateReference: '001234567890', updateService: false } }, under18, ['NO_ENHANCED_DBS']],
    ['a cleared mentor and a 17-year-old', {}, under18, []],
    ['a mentor at the limit of one', { activeMatches: 1 }, {}, ['AT_MATCH_LIMIT']],
    ['a mentor still training', { stage: 'trained' }, {}, ['PROFILE_NOT_COMPLETE']],
    ['a mentor who withdrew', { stage: 'withdrawn' }, {}, ['PROFILE_NOT_COMPLETE']],
    ['a ready stage with no profile', { profile: undefined }, {}, ['PROFILE_NOT_COMPLETE']],
    ['a conflict with this young person', { conflicts: [{ kind: 'youngPerson', youngPersonId: 'yp-1' }] }, {}, ['CONFLICT_OF_INTEREST']],
    ['a conflict with another young person', { conflicts: [{ kind: 'youngPerson', youngPersonId: 'yp-2' }] }, {}, []],
    ['a conflict with their home area', { conflicts: [{ kind: 'area', area: 'north' }] }, {}, ['CONFLICT_OF_INTEREST']],
    ['a conflict with the area they want to meet in', { conflicts: [{ kind: 'area', area: 'central' }] }, wants({ area: { values: ['central'], required: false } }), ['CONFLICT_OF_INTEREST']],
    ['a mentor for 18 to 25 and a 17-year-old', { profile: profile({ menteeAges: { min: 18, max: 25 } }) }, under18, ['OUTSIDE_MENTEE_AGES']],
    ['a female mentor when a male one is a must', {}, wants({ mentorGender: { values: ['male'], required: true } }), ['PREFERENCE_NOT_MET']],
    ['a female mentor when a male one is only wished', {}, wants({ mentorGender: { values: ['male'], required: false } }), []],
    ['a mentor in their 40s when under 30 is a must', {}, wants({ mentorAgeBand: { values: ['under30'], required: true } }), ['PREFERENCE_NOT_MET']],
    ['an in-person mentor when online is a must', { profile: profile({ meetingModes: ['inPerson'] }) }, wants({ meetingMode: { values: ['online'], required: true } }), ['PREFERENCE_NOT_MET']],
    ['a mentor elsewhere when the area is a must', {}, wants({ area: { values: ['south'], required: true } }), ['PREFERENCE_NOT_MET']],
    ['an online-only mentor when an area is a must', { profile: profile({ meetingModes: ['online'] }) }, wants({ area: { values: ['north'], required: true } }), ['PREFERENCE_NOT_MET']],
    [
      'everything wrong at once',
      { stage: 'trained', dbs: undefined, activeMatches: 2, conflicts: [{ kind: 'youngPerson', youngPersonId: 'yp-1' }] },
      { ...under18, ...wants({ mentorGender: { values: ['male'], required: true } }) },
      ['PROFILE_NOT_COMPLETE', 'NO_ENHANCED_DBS', 'AT_MATCH_LIMIT', 'PREFERENCE_NOT_MET', 'CONFLICT_OF_INTEREST'],
    ],
  ])('%s', (_case, mentor, person, codes) => {
    const found = hardConstraintViolations(candidate(mentor), youngPerson(person), DEFAULT_MATCHING_POLICY, NOW);
    expect(found.map((exclusion) => exclusion.code)).toEqual(codes);
    for (const exclusion of found) expect(exclusion.message).toMatch(/^[A-Z].+\.$/);
  });

  it('lets a configured limit allow a second young person', () => {
    const policy = { ...DEFAULT_MATCHING_POLICY, maxActiveMatches: 2 };
    expect(hardConstraintViolations(candidate({ stage: 'active', activeMatches: 1 }), youngPerson(), policy, NOW)).toEqual([]);
    expect(hardConstraintViolations(candidate({ stage: 'active', activeMatches: 2 }), youngPerson(), policy, NOW).map((e) => e.code)).toEqual(['AT_MATCH_LIMIT']);
  });

  it('says in words which preference is not met, without naming the young person', () => {
    const person = youngPerson(wants({ mentorGender: { values: ['male', 'nonBinary'], required: true } }));
    const [found] = hardConstraintViolations(candidate(), person, DEFAULT_MATCHING_POLICY, NOW);
    expect(found?.message).toBe('This young person needs a male or non-binary mentor.');
  });

  it('counts the under-18 rule on the day of the 18th birthday', () => {
    const eighteenToday = youngPerson({ dateOfBirth: '2008-03-02' });
    const seventeen = youngPerson({ dateOfBirth: '2008-03-03' });
    const uncleared = candidate({ dbs: undefined });
    expect(hardConstraintViolations(uncleared, eighteenToday, DEFAULT_MATCHING_POLICY, NOW)).toEqual([]);
    expect(hardConstraintViolations(uncleared, seventeen, DEFAULT_MATCHING_POLICY, NOW).map((e) => e.code)).toEqual(['NO_ENHANCED_DBS']);
  });
});
