import fc from 'fast-check';
import type { DeclaredConflict, MentorCandidate } from '../../../src/matching/domain/candidate.js';
import { MENTOR_STAGES } from '../../../src/journey/domain/stage.js';
import type { Availability, Field, Interest, MeetingMode, Venue } from '../../../src/matching/domain/vocabulary.js';
import type { Preference, YoungPerson } from '../../../src/matching/domain/young-people/young-person.js';

const AREAS = ['north', 'south', 'central'];
const SOME_INTERESTS: Interest[] = ['music', 'football', 'cars', 'art'];
const SOME_FIELDS: Field[] = ['engineering', 'law', 'business'];
const BOTH_TIMES: Availability[] = ['weekdayEvening', 'weekendDaytime'];
const BOTH_MODES: MeetingMode[] = ['inPerson', 'online'];

function preference<T extends string>(values: readonly T[]): fc.Arbitrary<Preference<T>> {
  // As the form gives it: a preference with no values is never a must.
  const required = fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 });
  return fc.record({ values: fc.subarray([...values]), required }).map((p) => ({ ...p, required: p.required && p.values.length > 0 }));
}

export function youngPersonArbitrary(id: string): fc.Arbitrary<YoungPerson> {
  return fc.record({
    id: fc.constant(id),
    reference: fc.constant(`LC-${id}`),
    firstName: fc.constant('Jay'),
    // From 16 to 25 on 2026-03-02, with under-18s often.
    dateOfBirth: fc.constantFrom('2010-03-02', '2009-01-01', '2008-03-03', '2008-03-02', '2004-07-30', '2000-03-03'),
    gender: fc.constantFrom('female', 'male', 'nonBinary'),
    homeArea: fc.constantFrom(...AREAS),
    interests: fc.subarray(SOME_INTERESTS),
    eetGoals: fc.subarray(SOME_FIELDS),
    availability: fc.subarray(BOTH_TIMES, { minLength: 1 }),
    preferences: fc.record({
      mentorGender: preference(['female', 'male', 'nonBinary']),
      mentorAgeBand: preference(['under30', '40to49', '60plus']),
      meetingMode: preference(['inPerson', 'online']),
      area: preference(AREAS),
    }),
    keyAdult: fc.constant({ role: 'personalAdviser' as const, name: 'Sam', contact: '01709 123456' }),
    status: fc.constantFrom('waiting', 'waiting', 'waiting', 'paused'),
    createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
    updatedAt: fc.constant('2026-01-01T00:00:00.000Z'),
  });
}

export function candidateArbitrary(id: string, youngPersonIds: readonly string[]): fc.Arbitrary<MentorCandidate> {
  const conflict: fc.Arbitrary<DeclaredConflict> = fc.oneof(
    fc.constantFrom(...youngPersonIds).map((youngPersonId) => ({ kind: 'youngPerson' as const, youngPersonId })),
    fc.constantFrom(...AREAS).map((area) => ({ kind: 'area' as const, area })),
  );
  const someAges = fc.tuple(fc.integer({ min: 16, max: 25 }), fc.integer({ min: 16, max: 25 })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
  // Weighted towards eligible mentors, so that the properties see many suggestions as well as exclusions.
  const ages = fc.oneof({ arbitrary: fc.constant({ min: 16, max: 25 }), weight: 3 }, { arbitrary: someAges, weight: 1 });
  const profile = fc.record({
    aboutMe: fc.constant('About me.'),
    penPicture: fc.record({
      experience: fc.constant('Experience.'),
      interests: fc.subarray(SOME_INTERESTS, { minLength: 1 }),
      expertise: fc.subarray(SOME_FIELDS),
    }),
    needs: fc.record({
      gender: fc.constantFrom('female', 'male', 'nonBinary', 'preferNotToSay'),
      ageBand: fc.constantFrom('under30', '40to49', '60plus'),
      menteeAges: ages,
      availability: fc.subarray(BOTH_TIMES, { minLength: 1 }),
      meetingModes: fc.subarray(BOTH_MODES, { minLength: 1 }),
      venues: fc.constant<Venue[]>(['cafe']),
      areas: fc.subarray(AREAS),
      travelMiles: fc.constant(5),
    }),
  });
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`Mentor ${id}`),
    stage: fc.oneof({ arbitrary: fc.constantFrom('profileComplete', 'matched', 'active'), weight: 4 }, { arbitrary: fc.constantFrom(...MENTOR_STAGES), weight: 1 }),
    profile: fc.option(profile, { nil: undefined, freq: 8 }),
    dbs: fc.option(
      fc.record({ checkedOn: fc.constantFrom('2025-06-01', '2021-01-01'), certificateReference: fc.constant('001234567890'), updateService: fc.boolean() }),
      { nil: undefined },
    ),
    activeMatches: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
    worksInChildrensServices: fc.boolean(),
    conflicts: fc.oneof({ arbitrary: fc.constant<DeclaredConflict[]>([]), weight: 3 }, { arbitrary: fc.array(conflict, { maxLength: 2 }), weight: 1 }),
  });
}

/** Independent of the code under test, for a clock at 2026-03-02: would this pair break a rule the scheme holds? */
export function breaksARule(mentor: MentorCandidate, person: YoungPerson, maxActiveMatches: number): string | undefined {
  const under18 = person.dateOfBirth > '2008-03-02';
  const cleared = mentor.dbs !== undefined && (mentor.dbs.updateService || mentor.dbs.checkedOn >= '2023-03-03');
  if (under18 && !cleared) return 'uncleared mentor with an under-18';
  if (mentor.activeMatches >= maxActiveMatches) return 'mentor at the limit';
  if (!['profileComplete', 'matched', 'active'].includes(mentor.stage) || !mentor.profile) return 'profile not complete';
  const needs = mentor.profile.needs;
  const age = 2026 - Number(person.dateOfBirth.slice(0, 4)) - (person.dateOfBirth.slice(5) > '03-02' ? 1 : 0);
  if (age < needs.menteeAges.min || age > needs.menteeAges.max) return 'outside the ages the mentor would mentor';
  const { mentorGender, mentorAgeBand, meetingMode, area } = person.preferences;
  if (mentorGender.required && !mentorGender.values.includes(needs.gender)) return 'gender requirement';
  if (mentorAgeBand.required && !mentorAgeBand.values.includes(needs.ageBand)) return 'age band requirement';
  if (meetingMode.required && !meetingMode.values.some((mode) => needs.meetingModes.includes(mode))) return 'meeting requirement';
  if (area.required && !(needs.meetingModes.includes('inPerson') && area.values.some((value) => needs.areas.includes(value)))) return 'area requirement';
  for (const conflict of mentor.conflicts) {
    if (conflict.kind === 'youngPerson' && conflict.youngPersonId === person.id) return 'conflict with the young person';
    if (conflict.kind === 'area' && (conflict.area === person.homeArea || person.preferences.area.values.includes(conflict.area))) return 'conflict with the area';
  }
  return undefined;
}

export function mentorsArbitrary(count: { min: number; max: number }, youngPersonIds: readonly string[]): fc.Arbitrary<MentorCandidate[]> {
  return fc
    .integer(count)
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArbitrary(`m-${i}`, youngPersonIds))));
}
