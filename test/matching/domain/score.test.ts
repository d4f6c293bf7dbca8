import { describe, expect, it } from 'vitest';
import { MAX_SCORE, scoreFit } from '../../../src/matching/domain/index.js';
import { NO_PREFERENCES, candidate, profile, youngPerson } from './fixtures.js';

describe('scoreFit', () => {
  it('keeps each part with its reason, adding up to the total', () => {
    const person = youngPerson({
      interests: ['football', 'cars', 'music'],
      eetGoals: ['engineering'],
      availability: ['weekdayEvening', 'weekendDaytime'],
      preferences: { ...NO_PREFERENCES, mentorGender: { values: ['female'], required: false }, area: { values: ['south'], required: false } },
    });
    const score = scoreFit(candidate(), profile(), person);
    expect(score.parts).toEqual([
      { kind: 'interests', points: 20, reason: 'Interests in common: football and cars.' },
      { kind: 'eetGoals', points: 10, reason: 'Expertise in what they aim for: engineering.' },
      { kind: 'preferences', points: 8, reason: 'Meets their preferences: a female mentor.' },
      { kind: 'availability', points: 10, reason: 'Both free: weekday evening and weekend daytime.' },
      { kind: 'outsideChildrensServices', points: 10, reason: "Works outside Children's Services, as the scheme prefers (report 12.1)." },
    ]);
    expect(score.total).toBe(58);
  });

  it.each([
    ['outside Children\'s Services', false, 10],
    ['inside Children\'s Services', true, 0],
  ])('gives a mentor %s the 12.1 preference points', (_case, inside, points) => {
    const bare = youngPerson({ interests: [], eetGoals: [], availability: ['weekendEvening'] });
    expect(scoreFit(candidate({ worksInChildrensServices: inside }), profile(), bare).total).toBe(points);
  });

  it('caps each part, so no score passes the maximum', () => {
    const everything = profile(
      { availability: ['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening'] },
      { interests: ['sport', 'football', 'fitness', 'music', 'art', 'drama'], expertise: ['business', 'law', 'retail'] },
    );
    const person = youngPerson({
      interests: ['sport', 'football', 'fitness', 'music', 'art', 'drama'],
      eetGoals: ['business', 'law', 'retail'],
      availability: ['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening'],
      preferences: {
        mentorGender: { values: ['female'], required: true },
        mentorAgeBand: { values: ['40to49'], required: false },
        meetingMode: { values: ['online'], required: false },
        area: { values: ['north'], required: false },
      },
    });
    expect(scoreFit(candidate(), everything, person).total).toBe(MAX_SCORE);
  });
});
