import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { describeYoungPersonStatus } from './young-people/young-person-status.js';
import type { YoungPerson } from './young-people/young-person.js';
import type { Ranking } from './ranking.js';

/** The coordinator puts at most this many mentors to a young person. */
export const MAX_MENTORS_PUT = 3;

export type ProposalStatus = 'withYoungPerson' | 'withMentor' | 'noneSuits' | 'accepted' | 'declinedByMentor';

/** Mentors put to a young person, who decides (report 4.3); then the chosen mentor accepts or declines. */
export interface Proposal {
  readonly id: string;
  readonly youngPersonId: string;
  readonly mentorIds: readonly string[];
  readonly proposedBy: PersonRef;
  readonly proposedAt: string;
  readonly status: ProposalStatus;
  readonly chosenMentorId?: string;
  /** The coordinator or key adult who recorded the young person's decision. */
  readonly choiceRecordedBy?: PersonRef;
  readonly choiceRecordedAt?: string;
  readonly mentorRespondedAt?: string;
}

export type ProposeErrorCode =
  | 'YOUNG_PERSON_ALREADY_MATCHED'
  | 'YOUNG_PERSON_NOT_WAITING'
  | 'SHORTLIST_FOR_ANOTHER_YOUNG_PERSON'
  | 'NO_MENTORS_CHOSEN'
  | 'TOO_MANY_MENTORS'
  | 'DUPLICATE_MENTOR'
  | 'MENTOR_NOT_SHORTLISTED';

export function proposeMentors(
  youngPerson: YoungPerson,
  ranking: Ranking,
  mentorIds: readonly string[],
  by: PersonRef,
  now: Date,
): Result<Proposal, ProposeErrorCode> {
  const waiting = checkWaiting(youngPerson);
  if (!waiting.ok) return waiting;
  if (ranking.youngPersonId !== youngPerson.id) {
    return fail('SHORTLIST_FOR_ANOTHER_YOUNG_PERSON', 'These suggestions were made for another young person: ask for suggestions again.');
  }
  if (mentorIds.length === 0) return fail('NO_MENTORS_CHOSEN', 'Choose at least one mentor to put to the young person.');
  if (mentorIds.length > MAX_MENTORS_PUT) {
    return fail('TOO_MANY_MENTORS', `Choose at most ${MAX_MENTORS_PUT} mentors to put to the young person.`);
  }
  if (new Set(mentorIds).size !== mentorIds.length) return fail('DUPLICATE_MENTOR', 'Each mentor can be chosen once.');
  const shortlisted = new Set(ranking.suggestions.map((suggestion) => suggestion.mentorId));
  if (mentorIds.some((id) => !shortlisted.has(id))) {
    return fail('MENTOR_NOT_SHORTLISTED', 'Only mentors on the current list of suggestions can be put to the young person.');
  }
  const at = now.toISOString();
  const id = `${youngPerson.id}.${now.getTime().toString(36)}`;
  return ok({ id, youngPersonId: youngPerson.id, mentorIds: [...mentorIds], proposedBy: by, proposedAt: at, status: 'withYoungPerson' });
}

export type YoungPersonDecision = { readonly choose: string } | 'noneSuits';

export type ChoiceErrorCode = 'PROPOSAL_ALREADY_DECIDED' | 'MENTOR_NOT_SHORTLISTED';

/** Records what the young person decided: one of the mentors put to them, or that none suits. */
export function recordYoungPersonDecision(
  proposal: Proposal,
  decision: YoungPersonDecision,
  by: PersonRef,
  now: Date,
): Result<Proposal, ChoiceErrorCode> {
  if (proposal.status !== 'withYoungPerson') {
    return fail('PROPOSAL_ALREADY_DECIDED', "The young person's decision on these mentors has already been recorded.");
  }
  const recorded = { ...proposal, choiceRecordedBy: by, choiceRecordedAt: now.toISOString() };
  if (decision === 'noneSuits') return ok({ ...recorded, status: 'noneSuits' });
  if (!proposal.mentorIds.includes(decision.choose)) {
    return fail('MENTOR_NOT_SHORTLISTED', 'The young person can only choose one of the mentors put to them.');
  }
  return ok({ ...recorded, status: 'withMentor', chosenMentorId: decision.choose });
}

export function checkWaiting(youngPerson: YoungPerson): Result<YoungPerson, 'YOUNG_PERSON_ALREADY_MATCHED' | 'YOUNG_PERSON_NOT_WAITING'> {
  if (youngPerson.status === 'matched') {
    return fail('YOUNG_PERSON_ALREADY_MATCHED', 'This young person already has a mentor.');
  }
  if (youngPerson.status !== 'waiting') {
    return fail('YOUNG_PERSON_NOT_WAITING', `This young person is ${describeYoungPersonStatus(youngPerson.status)}.`);
  }
  return ok(youngPerson);
}
