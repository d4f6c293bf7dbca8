import type { YoungPerson } from './young-people/young-person.js';
import type { MentorCandidate } from './candidate.js';
import { describeWanted, preferenceChecks } from './constraints.js';
import type { MentorProfile } from './mentor-profile.js';
import { describeList } from './vocabulary.js';

export type ScorePartKind = 'interests' | 'eetGoals' | 'preferences' | 'availability' | 'outsideChildrensServices';

/** One reason a mentor fits, with the points it is worth; the parts add up to the score. */
export interface ScorePart {
  readonly kind: ScorePartKind;
  readonly points: number;
  readonly reason: string;
}

export interface Score {
  readonly total: number;
  readonly parts: readonly ScorePart[];
}

/** Points per item and the most each part can give; the weights are the scheme's, in one place to tune. */
export const SCORE_WEIGHTS = {
  interest: { each: 10, most: 30 },
  eetGoal: { each: 10, most: 20 },
  preference: { each: 8, most: 32 },
  availability: { each: 5, most: 15 },
  outsideChildrensServices: 10,
} as const;

export const MAX_SCORE =
  SCORE_WEIGHTS.interest.most +
  SCORE_WEIGHTS.eetGoal.most +
  SCORE_WEIGHTS.preference.most +
  SCORE_WEIGHTS.availability.most +
  SCORE_WEIGHTS.outsideChildrensServices;

/** How well a mentor fits a young person, kept in parts so that the coordinator sees why. Hard constraints are checked apart. */
export function scoreFit(mentor: MentorCandidate, profile: MentorProfile, youngPerson: YoungPerson): Score {
  const parts: ScorePart[] = [];
  const interests = shared(profile.penPicture.interests, youngPerson.interests);
  if (interests.length > 0) {
    parts.push(part('interests', interests.length, SCORE_WEIGHTS.interest, `Interests in common: ${describeList(interests)}.`));
  }
  const goals = shared(profile.penPicture.expertise, youngPerson.eetGoals);
  if (goals.length > 0) {
    parts.push(part('eetGoals', goals.length, SCORE_WEIGHTS.eetGoal, `Expertise in what they aim for: ${describeList(goals)}.`));
  }
  const met = preferenceChecks(profile, youngPerson).filter((check) => check.met);
  if (met.length > 0) {
    const wanted = met.map(describeWanted).join('; ');
    parts.push(part('preferences', met.length, SCORE_WEIGHTS.preference, `Meets their preferences: ${wanted}.`));
  }
  const times = shared(profile.needs.availability, youngPerson.availability);
  if (times.length > 0) {
    parts.push(part('availability', times.length, SCORE_WEIGHTS.availability, `Both free: ${describeList(times)}.`));
  }
  if (!mentor.worksInChildrensServices) {
    const points = SCORE_WEIGHTS.outsideChildrensServices;
    parts.push({ kind: 'outsideChildrensServices', points, reason: "Works outside Children's Services, as the scheme prefers (report 12.1)." });
  }
  return { total: parts.reduce((sum, each) => sum + each.points, 0), parts };
}

function part(kind: ScorePartKind, count: number, weight: { each: number; most: number }, reason: string): ScorePart {
  return { kind, points: Math.min(count * weight.each, weight.most), reason };
}

function shared<T extends string>(mine: readonly T[], theirs: readonly T[]): T[] {
  return mine.filter((value) => theirs.includes(value));
}
