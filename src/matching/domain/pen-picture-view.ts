import type { MentorProfile } from './mentor-profile.js';
import { describeList } from './vocabulary.js';

/** The pen picture as a young person reads it: nothing of DBS, conflicts or the mentor's own matching needs. */
export interface PenPictureView {
  readonly name: string;
  readonly aboutMe: string;
  readonly experience: string;
  readonly interests: string;
  readonly expertise: string;
  readonly meets: string;
}

export function penPictureView(name: string, profile: MentorProfile): PenPictureView {
  return {
    name,
    aboutMe: profile.aboutMe,
    experience: profile.penPicture.experience,
    interests: describeList(profile.penPicture.interests),
    expertise: describeList(profile.penPicture.expertise),
    meets: describeList(profile.needs.meetingModes, 'or'),
  };
}
