import { munkres } from 'munkres';
import type { YoungPerson } from './young-people/young-person.js';
import { DEFAULT_MATCHING_POLICY, type MatchingPolicy, type MentorCandidate } from './candidate.js';
import { assessPair, checkReadyForMatching } from './ranking.js';
import { MAX_SCORE } from './score.js';

export interface CohortPair {
  readonly youngPersonId: string;
  readonly mentorId: string;
  readonly score: number;
}

export interface CohortSuggestion {
  readonly pairs: readonly CohortPair[];
  readonly totalScore: number;
  /** Waiting young people with no eligible mentor left for them in this assignment. */
  readonly unassigned: readonly string[];
}

/**
 * One mentor for as many waiting young people as possible, then the greatest total fit, never the same mentor twice
 * and never a pair that breaks a hard constraint. Solved exactly as an assignment problem (Hungarian algorithm).
 */
export function suggestCohort(
  youngPeople: readonly YoungPerson[],
  mentors: readonly MentorCandidate[],
  now: Date,
  policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
): CohortSuggestion {
  const waiting = youngPeople.filter((youngPerson) => checkReadyForMatching(youngPerson, now).ok);
  const scores = waiting.map((youngPerson) => mentors.map((mentor) => eligibleScore(mentor, youngPerson, policy, now)));
  const pairs: CohortPair[] = [];
  if (waiting.length > 0 && mentors.length > 0) {
    for (const [row, column] of munkres(toCosts(scores))) {
      const score = scores[row]?.[column];
      const youngPerson = waiting[row];
      const mentor = mentors[column];
      if (score === undefined || score === null || !youngPerson || !mentor) continue;
      pairs.push({ youngPersonId: youngPerson.id, mentorId: mentor.id, score });
    }
  }
  const assigned = new Set(pairs.map((pair) => pair.youngPersonId));
  return {
    pairs,
    totalScore: pairs.reduce((sum, pair) => sum + pair.score, 0),
    unassigned: waiting.filter((youngPerson) => !assigned.has(youngPerson.id)).map((youngPerson) => youngPerson.id),
  };
}

function eligibleScore(mentor: MentorCandidate, youngPerson: YoungPerson, policy: MatchingPolicy, now: Date): number | null {
  const fit = assessPair(mentor, youngPerson, policy, now);
  return fit.eligible ? fit.score.total : null;
}

/**
 * Each eligible pair is worth a bonus larger than any total of scores, so a solution that matches more young people
 * always wins, and among those the greatest total fit. An ineligible pair is worth nothing: the solver may still
 * place it, and it is then dropped, which is the same as leaving both unassigned.
 */
function toCosts(scores: readonly (readonly (number | null)[])[]): number[][] {
  const bonus = (MAX_SCORE + 1) * Math.min(scores.length, scores[0]?.length ?? 0) + 1;
  const most = bonus + MAX_SCORE;
  return scores.map((row) => row.map((score) => (score === null ? most : most - (bonus + score))));
}
