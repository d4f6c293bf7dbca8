import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { describeYoungPersonStatus } from './young-people/young-person-status.js';
import { ageOn, type YoungPerson } from './young-people/young-person.js';
import { DEFAULT_MATCHING_POLICY, type MatchingPolicy, type MentorCandidate } from './candidate.js';
import { hardConstraintViolations, type Exclusion } from './constraints.js';
import { scoreFit, type Score, type ScorePart } from './score.js';
import { SCHEME_MAX_AGE, SCHEME_MIN_AGE } from './vocabulary.js';

export interface Suggestion {
  readonly mentorId: string;
  readonly mentorName: string;
  readonly score: number;
  readonly reasons: readonly ScorePart[];
}

export interface ExcludedMentor {
  readonly mentorId: string;
  readonly mentorName: string;
  readonly reasons: readonly Exclusion[];
}

export interface Ranking {
  readonly youngPersonId: string;
  /** Best first; equal scores in mentor id order, so the list is the same every time. */
  readonly suggestions: readonly Suggestion[];
  readonly excluded: readonly ExcludedMentor[];
}

export interface RankOptions {
  readonly policy?: MatchingPolicy;
  /** Keep only the best this many suggestions; the excluded are always all listed. */
  readonly limit?: number;
}

export type PairFit = { readonly eligible: true; readonly score: Score } | { readonly eligible: false; readonly reasons: Exclusion[] };

/** Hard constraints first; a score only for a pair that passes them all. */
export function assessPair(mentor: MentorCandidate, youngPerson: YoungPerson, policy: MatchingPolicy, now: Date): PairFit {
  const reasons = hardConstraintViolations(mentor, youngPerson, policy, now);
  if (reasons.length > 0 || !mentor.profile) return { eligible: false, reasons };
  return { eligible: true, score: scoreFit(mentor, mentor.profile, youngPerson) };
}

export type RankErrorCode = 'YOUNG_PERSON_NOT_WAITING' | 'YOUNG_PERSON_OUTSIDE_AGE_RANGE';

export function checkReadyForMatching(youngPerson: YoungPerson, now: Date): Result<YoungPerson, RankErrorCode> {
  if (youngPerson.status !== 'waiting') {
    return fail('YOUNG_PERSON_NOT_WAITING', `This young person is ${describeYoungPersonStatus(youngPerson.status)}, so no mentors are suggested.`);
  }
  const age = ageOn(youngPerson.dateOfBirth, now);
  if (age < SCHEME_MIN_AGE || age > SCHEME_MAX_AGE) {
    return fail('YOUNG_PERSON_OUTSIDE_AGE_RANGE', `This young person is now ${age}; the scheme is for ages ${SCHEME_MIN_AGE} to ${SCHEME_MAX_AGE}.`);
  }
  return ok(youngPerson);
}

/** The ranked shortlist for one young person, with the reasons for each mentor and why the others are ruled out. */
export function rankMentors(
  youngPerson: YoungPerson,
  mentors: readonly MentorCandidate[],
  now: Date,
  options: RankOptions = {},
): Result<Ranking, RankErrorCode> {
  const ready = checkReadyForMatching(youngPerson, now);
  if (!ready.ok) return ready;
  const policy = options.policy ?? DEFAULT_MATCHING_POLICY;
  const suggestions: Suggestion[] = [];
  const excluded: ExcludedMentor[] = [];
  for (const mentor of mentors) {
    const fit = assessPair(mentor, youngPerson, policy, now);
    if (fit.eligible) {
      suggestions.push({ mentorId: mentor.id, mentorName: mentor.name, score: fit.score.total, reasons: fit.score.parts });
    } else {
      excluded.push({ mentorId: mentor.id, mentorName: mentor.name, reasons: fit.reasons });
    }
  }
  suggestions.sort((a, b) => b.score - a.score || compareIds(a.mentorId, b.mentorId));
  const limited = options.limit === undefined ? suggestions : suggestions.slice(0, Math.max(0, options.limit));
  return ok({ youngPersonId: youngPerson.id, suggestions: limited, excluded });
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
