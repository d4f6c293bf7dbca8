import type { MeetingMode } from '../vocabulary.js';
import { ageOn, type YoungPerson } from './young-person.js';

/**
 * All a matched mentor may see of their young person: first name and what the mentor needs.
 * A separate type, so a card built from it cannot carry the reference, date of birth or anything else.
 */
export type MenteeView = Pick<YoungPerson, 'firstName' | 'interests' | 'eetGoals' | 'availability' | 'keyAdult'> & {
  readonly age: number;
  readonly meetingModes: readonly MeetingMode[];
};

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
