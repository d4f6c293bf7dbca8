import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { YoungPerson } from './young-people/young-person.js';
import { DEFAULT_MATCHING_POLICY, type MatchingPolicy, type MentorCandidate } from './candidate.js';
import { hardConstraintViolations } from './constraints.js';
import { dateOf } from './field-reader.js';
import { checkWaiting, type Proposal } from './proposal.js';
import type { MatchEndReason } from './match-ending.js';

export type MatchStatus = 'active' | 'ended';

export interface Match {
  readonly id: string;
  readonly mentorId: string;
  readonly youngPersonId: string;
  readonly startedOn: string;
  readonly status: MatchStatus;
  readonly endedOn?: string;
  /** Paused since this instant (the young person was paused): the 90 minutes are not counted until it resumes. */
  readonly pausedSince?: string;
  /** Pauses that have ended, oldest first. */
  readonly pauses?: readonly MatchPause[];
  /** Why it ended: kept on the young person's record for the coordinator, never shown to a next mentor. */
  readonly endReason?: MatchEndReason;
}

export interface MatchPause {
  readonly from: string;
  readonly to: string;
}

export type MentorResponseErrorCode =
  | 'NOT_CHOSEN_MENTOR'
  | 'NOT_AWAITING_MENTOR'
  | 'YOUNG_PERSON_ALREADY_MATCHED'
  | 'YOUNG_PERSON_NOT_WAITING'
  | 'MATCH_NOT_ALLOWED';

export interface Accepted {
  readonly proposal: Proposal;
  readonly match: Match;
  readonly youngPerson: YoungPerson;
}

/**
 * The chosen mentor accepts. The hard constraints are checked again, as time has passed since the shortlist
 * (a DBS check may have lapsed, another match may have started).
 */
export function acceptProposal(
  proposal: Proposal,
  mentor: MentorCandidate,
  youngPerson: YoungPerson,
  now: Date,
  policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
): Result<Accepted, MentorResponseErrorCode> {
  const awaiting = checkAwaitingMentor(proposal, mentor.id);
  if (!awaiting.ok) return awaiting;
  const waiting = checkWaiting(youngPerson);
  if (!waiting.ok) return waiting;
  const broken = hardConstraintViolations(mentor, youngPerson, policy, now)[0];
  if (broken) return fail('MATCH_NOT_ALLOWED', `This match cannot start. ${broken.message}`);
  const at = now.toISOString();
  // The match takes the proposal's id: a retried acceptance produces the same match, which storage writes once.
  const match: Match = { id: proposal.id, mentorId: mentor.id, youngPersonId: youngPerson.id, startedOn: dateOf(now), status: 'active' };
  return ok({
    proposal: { ...proposal, status: 'accepted', mentorRespondedAt: at },
    match,
    youngPerson: matchedYoungPerson(youngPerson, at),
  });
}

/** The chosen mentor declines; the young person stays waiting, and the coordinator can put other mentors. */
export function declineProposal(proposal: Proposal, mentorId: string, now: Date): Result<Proposal, MentorResponseErrorCode> {
  const awaiting = checkAwaitingMentor(proposal, mentorId);
  if (!awaiting.ok) return awaiting;
  return ok({ ...proposal, status: 'declinedByMentor', mentorRespondedAt: now.toISOString() });
}

export function endMatch(match: Match, now: Date, reason?: MatchEndReason): Result<Match, 'MATCH_ALREADY_ENDED'> {
  if (match.status === 'ended') return fail('MATCH_ALREADY_ENDED', 'This match has already ended.');
  return ok({ ...match, status: 'ended', endedOn: dateOf(now), ...(reason ? { endReason: reason } : {}) });
}

function checkAwaitingMentor(proposal: Proposal, mentorId: string): Result<Proposal, MentorResponseErrorCode> {
  if (proposal.status !== 'withMentor') {
    return fail('NOT_AWAITING_MENTOR', 'This request is no longer waiting for an answer.');
  }
  if (proposal.chosenMentorId !== mentorId) {
    return fail('NOT_CHOSEN_MENTOR', 'Only the mentor the young person chose can answer this request.');
  }
  return ok(proposal);
}

/** Matched again: no longer first in line. */
function matchedYoungPerson(youngPerson: YoungPerson, at: string): YoungPerson {
  const { returnedToListAt: _returned, ...rest } = youngPerson;
  return { ...rest, status: 'matched', updatedAt: at };
}

export type MatchPauseErrorCode = 'MATCH_ALREADY_PAUSED' | 'MATCH_NOT_PAUSED' | 'MATCH_ALREADY_ENDED';

/** The young person is paused: the match stays, but its commitment count stops until it resumes. */
export function pauseMatch(match: Match, now: Date): Result<Match, MatchPauseErrorCode> {
  if (match.status === 'ended') return fail('MATCH_ALREADY_ENDED', 'This match has already ended.');
  if (match.pausedSince) return fail('MATCH_ALREADY_PAUSED', 'This match is already paused.');
  return ok({ ...match, pausedSince: now.toISOString() });
}

export function resumeMatch(match: Match, now: Date): Result<Match, MatchPauseErrorCode> {
  if (match.status === 'ended') return fail('MATCH_ALREADY_ENDED', 'This match has already ended.');
  if (!match.pausedSince) return fail('MATCH_NOT_PAUSED', 'This match is not paused.');
  const { pausedSince, ...rest } = match;
  return ok({ ...rest, pauses: [...(match.pauses ?? []), { from: pausedSince, to: now.toISOString() }] });
}
