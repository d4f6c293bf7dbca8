import type { MentorCandidate } from '../../../src/matching/domain/candidate.js';
import type { MentorProfile } from '../../../src/matching/domain/mentor-profile.js';
import type { YoungPerson, YoungPersonPreferences } from '../../../src/matching/domain/young-people/young-person.js';

export const NOW = new Date('2026-03-02T10:00:00Z');

export const NO_PREFERENCES: YoungPersonPreferences = {
  mentorGender: { values: [], required: false },
  mentorAgeBand: { values: [], required: false },
  meetingMode: { values: [], required: false },
  area: { values: [], required: false },
};

/** A 19-year-old waiting for a mentor, with no preferences. */
export function youngPerson(overrides: Partial<YoungPerson> = {}): YoungPerson {
  return {
    id: 'yp-1',
    reference: 'LC-0042',
    firstName: 'Jay',
    dateOfBirth: '2006-06-15',
    gender: 'male',
    homeArea: 'north',
    interests: ['music', 'football'],
    eetGoals: ['construction'],
    availability: ['weekdayEvening'],
    preferences: NO_PREFERENCES,
    keyAdult: { role: 'personalAdviser', name: 'Sam Patel', contact: '01709 123456' },
    status: 'waiting',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Seventeen on NOW. */
export const UNDER_18_DOB = '2008-09-01';

export function profile(needs: Partial<MentorProfile['needs']> = {}, pen: Partial<MentorProfile['penPicture']> = {}): MentorProfile {
  return {
    aboutMe: 'I run the highways team and coach a junior football side.',
    penPicture: { experience: 'Twenty years in engineering.', interests: ['football', 'cars'], expertise: ['engineering'], ...pen },
    needs: {
      gender: 'female',
      ageBand: '40to49',
      menteeAges: { min: 16, max: 25 },
      availability: ['weekdayEvening', 'weekendDaytime'],
      meetingModes: ['inPerson', 'online'],
      venues: ['cafe'],
      areas: ['north', 'central'],
      travelMiles: 10,
      ...needs,
    },
  };
}

export const CLEARED_DBS = { checkedOn: '2025-01-10', certificateReference: '001234567890', updateService: false } as const;

/** A mentor ready to be matched, cleared, outside Children's Services, with no conflicts. */
export function candidate(overrides: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    id: 'm-1',
    name: 'Alex Morgan',
    stage: 'profileComplete',
    profile: profile(),
    dbs: CLEARED_DBS,
    activeMatches: 0,
    worksInChildrensServices: false,
    conflicts: [],
    ...overrides,
  };
}
