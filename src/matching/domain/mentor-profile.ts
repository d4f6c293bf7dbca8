import {
  FIELDS,
  GENDERS,
  INTERESTS,
  MEETING_MODES,
  MENTOR_AGE_BANDS,
  VENUES,
  type Availability,
  type Field,
  type Gender,
  type Interest,
  type MeetingMode,
  type MentorAgeBand,
  type Venue,
} from './vocabulary.js';
import { areasOf, readAvailability, readSchemeAge, type AreaOptions } from './form-fields.js';
import { fieldReader, finish, type FieldReader, type ProblemCode } from './field-reader.js';
import type { InputResult } from '../../platform/kernel/validation/index.js';

export interface AgeRange {
  readonly min: number;
  readonly max: number;
}

/** A mentor's profile (report 4.2): what a young person reads, and what matching needs. */
export interface MentorProfile {
  readonly aboutMe: string;
  readonly penPicture: {
    readonly experience: string;
    readonly interests: readonly Interest[];
    readonly expertise: readonly Field[];
  };
  readonly needs: {
    readonly gender: Gender;
    readonly ageBand: MentorAgeBand;
    /** Ages of young people this mentor would mentor, within 16 to 25. */
    readonly menteeAges: AgeRange;
    readonly availability: readonly Availability[];
    readonly meetingModes: readonly MeetingMode[];
    readonly venues: readonly Venue[];
    readonly areas: readonly string[];
    readonly travelMiles: number;
  };
}

export const PROFILE_LIMITS = {
  aboutMe: 600,
  experience: 1000,
  interests: 8,
  expertise: 6,
  travelMiles: 50,
} as const;

export type ProfileOptions = AreaOptions;

export function parseMentorProfile(input: unknown, options: ProfileOptions = {}): InputResult<MentorProfile, ProblemCode, ProblemCode> {
  const form = fieldReader(input);
  const aboutMe = form.text('aboutMe', 'a description of yourself', { max: PROFILE_LIMITS.aboutMe, multiline: true });
  const pen = form.child('penPicture', 'the pen picture');
  const penPicture = {
    experience: pen.text('experience', 'your experience', { max: PROFILE_LIMITS.experience, multiline: true }),
    interests: pen.listOf('interests', 'interests', INTERESTS, { min: 1, max: PROFILE_LIMITS.interests }),
    expertise: pen.listOf('expertise', 'areas of expertise', FIELDS, { max: PROFILE_LIMITS.expertise }),
  };
  const needs = readNeeds(form.child('needs', 'matching needs'), areasOf(options));
  return finish(form.problems, () => ({ aboutMe, penPicture, needs }));
}

function readNeeds(form: FieldReader, knownAreas: readonly string[]): MentorProfile['needs'] {
  const meetingModes = form.listOf('meetingModes', 'ways of meeting', MEETING_MODES, { min: 1, max: MEETING_MODES.length });
  const inPerson = meetingModes.includes('inPerson');
  const areas = form.listOf('areas', 'areas you can meet in', knownAreas, { min: inPerson ? 1 : 0, max: knownAreas.length });
  return {
    gender: form.oneOf('gender', 'your gender', GENDERS),
    ageBand: form.oneOf('ageBand', 'your age band', MENTOR_AGE_BANDS),
    menteeAges: readAgeRange(form.child('menteeAges', 'ages you would mentor')),
    availability: readAvailability(form),
    meetingModes,
    venues: form.listOf('venues', 'preferred venues', VENUES, { max: VENUES.length }),
    areas,
    travelMiles: form.integer('travelMiles', 'how far you can travel (miles)', 0, PROFILE_LIMITS.travelMiles),
  };
}

function readAgeRange(form: FieldReader): AgeRange {
  const min = readSchemeAge(form, 'min', 'youngest age you would mentor');
  const max = readSchemeAge(form, 'max', 'oldest age you would mentor');
  if (min > max) {
    form.problems.push({ field: 'needs.menteeAges', code: 'OUT_OF_RANGE', message: 'The youngest age must not be above the oldest.' });
  }
  return { min, max };
}
