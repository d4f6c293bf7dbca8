import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMentorProfile, penPictureView } from '../../../src/matching/domain/index.js';

function form(overrides: Record<string, unknown> = {}, needs: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aboutMe: 'I run the highways team.',
    penPicture: { experience: 'Twenty years in engineering.', interests: ['football', 'cars'], expertise: ['engineering'] },
    needs: {
      gender: 'female',
      ageBand: '40to49',
      menteeAges: { min: 18, max: 25 },
      availability: ['weekdayEvening'],
      meetingModes: ['inPerson'],
      venues: ['cafe', 'library'],
      areas: ['north'],
      travelMiles: 10,
      ...needs,
    },
    ...overrides,
  };
}

describe('parseMentorProfile', () => {
  it('accepts a complete profile', () => {
    const parsed = parseMentorProfile(form());
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.needs.menteeAges).toEqual({ min: 18, max: 25 });
  });

  it('needs no area from a mentor who meets online only', () => {
    expect(parseMentorProfile(form({}, { meetingModes: ['online'], areas: [] })).ok).toBe(true);
  });

  it.each([
    ['no description', { aboutMe: '' }, {}, 'aboutMe', 'REQUIRED'],
    ['a very long description', { aboutMe: 'a'.repeat(601) }, {}, 'aboutMe', 'TOO_LONG'],
    ['very long experience', { penPicture: { experience: 'a'.repeat(1001), interests: ['cars'] } }, {}, 'penPicture.experience', 'TOO_LONG'],
    ['no interests', { penPicture: { experience: 'Lots.', interests: [] } }, {}, 'penPicture.interests', 'REQUIRED'],
    ['an unknown interest', { penPicture: { experience: 'Lots.', interests: ['golf'] } }, {}, 'penPicture.interests', 'UNKNOWN_VALUE'],
    ['an unknown expertise', { penPicture: { experience: 'Lots.', interests: ['cars'], expertise: ['magic'] } }, {}, 'penPicture.expertise', 'UNKNOWN_VALUE'],
    ['an unknown gender', {}, { gender: 'unknown' }, 'needs.gender', 'UNKNOWN_VALUE'],
    ['an unknown age band', {}, { ageBand: '20s' }, 'needs.ageBand', 'UNKNOWN_VALUE'],
    ['mentee ages below 16', {}, { menteeAges: { min: 14, max: 20 } }, 'needs.menteeAges.min', 'OUT_OF_RANGE'],
    ['mentee ages upside down', {}, { menteeAges: { min: 22, max: 18 } }, 'needs.menteeAges', 'OUT_OF_RANGE'],
    ['no availability', {}, { availability: [] }, 'needs.availability', 'REQUIRED'],
    ['no way of meeting', {}, { meetingModes: [] }, 'needs.meetingModes', 'REQUIRED'],
    ['an unknown venue', {}, { venues: ['pub'] }, 'needs.venues', 'UNKNOWN_VALUE'],
    ['in person without an area', {}, { areas: [] }, 'needs.areas', 'REQUIRED'],
    ['travel too far', {}, { travelMiles: 51 }, 'needs.travelMiles', 'OUT_OF_RANGE'],
    ['travel not a whole number', {}, { travelMiles: 2.5 }, 'needs.travelMiles', 'WRONG_TYPE'],
  ])('refuses %s', (_case, overrides, needs, field, code) => {
    const parsed = parseMentorProfile(form(overrides, needs));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('never throws on any input, and what it accepts it accepts again unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ aboutMe: fc.string(), penPicture: fc.anything(), needs: fc.anything() })), (input) => {
        const parsed = parseMentorProfile(input);
        if (parsed.ok) expect(parseMentorProfile(parsed.value)).toEqual(parsed);
        else expect(parsed.error.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('penPictureView', () => {
  it('shows a young person the pen picture in words, and nothing of matching needs', () => {
    const parsed = parseMentorProfile(form());
    if (!parsed.ok) throw new Error('fixture should parse');
    expect(penPictureView('Alex', parsed.value)).toEqual({
      name: 'Alex',
      aboutMe: 'I run the highways team.',
      experience: 'Twenty years in engineering.',
      interests: 'football and cars',
      expertise: 'engineering',
      meets: 'in person',
    });
  });
});
