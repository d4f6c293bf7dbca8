import type { Availability, Field, Interest, MeetingMode } from '../vocabulary.js';
import { ageOn, type KeyAdult, type YoungPerson } from './young-person.js';

/**
 * All a matched mentor may see of their young person: first name and what the mentor needs.
 * A separate type, so a card built from it cannot carry the reference, date of birth or anything else.
 */
export interface MenteeView {
  readonly firstName: string;
  readonly age: number;
  readonly interests: readonly Interest[];
  readonly eetGoals: readonly Field[];
  readonly meetingModes: readonly MeetingMode[];
  readonly availability: readonly Availability[];
  readonly keyAdult: KeyAdult;
}

export function menteeView(youngPerson: YoungPerson, now: Date): MenteeView {
  return {
    firstName: youngPerson.firstName,
    age: ageOn(youngPerson.dateOfBirth, now),
    interests: [...youngPerson.interests],
    eetGoals: [...youngPerson.eetGoals],
    meetingModes: [...youngPerson.preferences.meetingMode.values],
    availability: [...youngPerson.availability],
    keyAdult: { ...youngPerson.keyAdult },
  };
}
