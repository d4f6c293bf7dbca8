import { FIELDS, GENDERS, INTERESTS, MEETING_MODES, MENTOR_AGE_BANDS, SCHEME_MAX_AGE, SCHEME_MIN_AGE } from '../vocabulary.js';
import { areasOf, isSchemeAge, readAvailability, type AreaOptions } from '../form-fields.js';
import { dateOf, fieldReader, finish, type FieldReader, type ProblemCode } from '../field-reader.js';
import type { InputResult } from '../../../platform/kernel/validation/index.js';
import {
  ageOn,
  KEY_ADULT_ROLES,
  type KeyAdult,
  type Preference,
  type YoungPersonDetails,
  type YoungPersonPreferences,
} from './young-person.js';

export const YOUNG_PERSON_LIMITS = {
  reference: 20,
  firstName: 40,
  eetNote: 300,
  interests: 8,
  eetGoals: 4,
  keyAdultName: 80,
  contact: 120,
} as const;

export type YoungPersonOptions = AreaOptions;

const REFERENCE = /^(?=.*\d)[A-Za-z0-9-]+$/;
const FIRST_NAME = /^\p{L}[\p{L}\p{M}' -]*$/u;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a coordinator's form for a young person; refuses with every problem named, and never throws. */
export function parseYoungPersonDetails(input: unknown, now: Date, options: YoungPersonOptions = {}): InputResult<YoungPersonDetails, ProblemCode, ProblemCode> {
  const areas = areasOf(options);
  const form = fieldReader(input);
  const reference = form.text('reference', 'the reference', {
    max: YOUNG_PERSON_LIMITS.reference,
    pattern: REFERENCE,
    patternHint: 'must be the case reference (letters, digits and dashes, with at least one digit), not a name',
  });
  const firstName = form.text('firstName', 'first or chosen name', {
    max: YOUNG_PERSON_LIMITS.firstName,
    pattern: FIRST_NAME,
    patternHint: 'can hold letters, spaces, hyphens and apostrophes only',
  });
  const dateOfBirth = readDateOfBirth(form, now);
  const eetNote = form.optionalText('eetNote', 'the note on EET goals', { max: YOUNG_PERSON_LIMITS.eetNote, multiline: true });
  const details = {
    reference,
    firstName,
    dateOfBirth,
    gender: form.oneOf('gender', 'gender', GENDERS),
    homeArea: form.oneOf('homeArea', 'home area', areas),
    interests: form.listOf('interests', 'interests', INTERESTS, { max: YOUNG_PERSON_LIMITS.interests }),
    eetGoals: form.listOf('eetGoals', 'EET goals', FIELDS, { max: YOUNG_PERSON_LIMITS.eetGoals }),
    availability: readAvailability(form),
    preferences: readPreferences(form.child('preferences', 'preferences'), areas),
    keyAdult: readKeyAdult(form.child('keyAdult', 'the key adult')),
  };
  return finish(form.problems, () => (eetNote === undefined ? details : { ...details, eetNote }));
}

function readDateOfBirth(form: FieldReader, now: Date): string {
  const dateOfBirth = form.date('dateOfBirth', 'date of birth');
  if (!dateOfBirth) return dateOfBirth;
  if (dateOfBirth > dateOf(now)) {
    form.problems.push({ field: 'dateOfBirth', code: 'DATE_IN_FUTURE', message: 'The date of birth cannot be in the future.' });
    return dateOfBirth;
  }
  const age = ageOn(dateOfBirth, now);
  if (!isSchemeAge(age)) {
    const message = `That date of birth gives an age of ${age}; the scheme is for young people aged ${SCHEME_MIN_AGE} to ${SCHEME_MAX_AGE}.`;
    form.problems.push({ field: 'dateOfBirth', code: 'AGE_OUT_OF_RANGE', message });
  }
  return dateOfBirth;
}

function readPreferences(form: FieldReader, areas: readonly string[]): YoungPersonPreferences {
  return {
    mentorGender: readPreference(form.child('mentorGender', 'mentor gender'), 'mentor gender', GENDERS),
    mentorAgeBand: readPreference(form.child('mentorAgeBand', 'mentor age'), 'mentor age', MENTOR_AGE_BANDS),
    meetingMode: readPreference(form.child('meetingMode', 'online or in person'), 'online or in person', MEETING_MODES),
    area: readPreference(form.child('area', 'area to meet in'), 'area to meet in', areas),
  };
}

function readPreference<T extends string>(form: FieldReader, label: string, known: readonly T[]): Preference<T> {
  const values = form.listOf('values', label, known, { max: known.length });
  const required = form.has('required') ? form.boolean('required', `whether ${label} is a must`) : false;
  return { values, required: required && values.length > 0 };
}

function readKeyAdult(form: FieldReader): KeyAdult {
  const role = form.oneOf('role', "the key adult's role", KEY_ADULT_ROLES);
  const name = form.text('name', "the key adult's name", { max: YOUNG_PERSON_LIMITS.keyAdultName });
  const contact = form.text('contact', "the key adult's contact", { max: YOUNG_PERSON_LIMITS.contact });
  if (contact && !PHONE.test(contact) && !EMAIL.test(contact)) {
    form.problems.push({ field: 'keyAdult.contact', code: 'BAD_FORMAT', message: "The key adult's contact must be a phone number or an email address." });
  }
  return { role, name, contact };
}
