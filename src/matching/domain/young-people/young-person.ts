import type {
  Availability,
  Field,
  Gender,
  Interest,
  MeetingMode,
  MentorAgeBand,
} from '../vocabulary.js';

export const YOUNG_PERSON_STATUSES = ['waiting', 'paused', 'matched', 'closed'] as const;
export type YoungPersonStatus = (typeof YOUNG_PERSON_STATUSES)[number];

export const KEY_ADULT_ROLES = ['personalAdviser', 'socialWorker'] as const;
export type KeyAdultRole = (typeof KEY_ADULT_ROLES)[number];

export interface KeyAdult {
  readonly role: KeyAdultRole;
  readonly name: string;
  /** A phone number or an email address. */
  readonly contact: string;
}

/** A stated preference; `required` makes it a hard constraint rather than a wish. No values means no preference. */
export interface Preference<T extends string> {
  readonly values: readonly T[];
  readonly required: boolean;
}

export interface YoungPersonPreferences {
  readonly mentorGender: Preference<Gender>;
  readonly mentorAgeBand: Preference<MentorAgeBand>;
  readonly meetingMode: Preference<MeetingMode>;
  readonly area: Preference<string>;
}

/** The least data matching needs (issue 5): a reference, never a full name. */
export interface YoungPersonDetails {
  readonly reference: string;
  readonly firstName: string;
  readonly dateOfBirth: string;
  readonly gender: Gender;
  /** The area of the borough they live in: used for meeting places and councillors' conflicts of interest. */
  readonly homeArea: string;
  readonly interests: readonly Interest[];
  readonly eetGoals: readonly Field[];
  readonly eetNote?: string;
  readonly availability: readonly Availability[];
  readonly preferences: YoungPersonPreferences;
  readonly keyAdult: KeyAdult;
}

export interface YoungPerson extends YoungPersonDetails {
  readonly id: string;
  readonly status: YoungPersonStatus;
  /** Back on the list after a match ended early: first in line for the next mentor (report 3.8). */
  readonly returnedToListAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function newYoungPerson(id: string, details: YoungPersonDetails, now: Date): YoungPerson {
  const at = now.toISOString();
  return { ...details, id, status: 'waiting', createdAt: at, updatedAt: at };
}

export function editYoungPerson(youngPerson: YoungPerson, details: YoungPersonDetails, now: Date): YoungPerson {
  return { ...youngPerson, ...details, updatedAt: now.toISOString() };
}

/** Whole years between the date of birth and `now` (UTC). */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const years = now.getUTCFullYear() - year;
  const beforeBirthday = now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  return beforeBirthday ? years - 1 : years;
}
