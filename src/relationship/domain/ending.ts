import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { JourneyEvent } from '../../journey/domain/index.js';
import { MINIMUM_TERM_MONTHS } from './term.js';

export const END_REASONS = ['termComplete', 'relationshipBrokeDown', 'youngPersonMovedOn', 'mentorUnavailable'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** After a match ends the mentor either waits for a new match or leaves the scheme. */
export type MentorNext = 'offerAgain' | 'stepDown';

/**
 * What happens for the young person: back on the matching list; asked (through their key adult) whether they want
 * a new mentor, because the ending was not their doing; or nothing more from the scheme.
 */
export type YoungPersonNext = 'returnToMatchingList' | 'askAboutNewMentor' | 'noFurtherMatch';

export interface EndingRequest {
  readonly reason: EndReason;
  readonly mentorNext: MentorNext;
  readonly monthsElapsed: number;
  readonly endedBy: string;
  readonly at: Date;
}

export interface EndingOutcome {
  readonly reason: EndReason;
  readonly endedBy: string;
  readonly endedAt: Date;
  readonly youngPerson: YoungPersonNext;
  readonly mentor: MentorNext;
  /** Steps for the mentor's journey (src/journey/domain), in order. */
  readonly mentorEvents: readonly JourneyEvent[];
}

export type EndingErrorCode = 'END_REASON_INVALID' | 'TERM_NOT_COMPLETE';

const YOUNG_PERSON_NEXT: Record<EndReason, YoungPersonNext> = {
  termComplete: 'noFurtherMatch',
  relationshipBrokeDown: 'returnToMatchingList',
  youngPersonMovedOn: 'noFurtherMatch',
  mentorUnavailable: 'askAboutNewMentor',
};

const REASON_WORDS: Record<EndReason, string> = {
  termComplete: 'the term is complete',
  relationshipBrokeDown: 'the relationship broke down',
  youngPersonMovedOn: 'the young person has moved on',
  mentorUnavailable: 'the mentor is no longer available',
};

export function describeEndReason(reason: EndReason): string {
  return REASON_WORDS[reason];
}

export function isEndReason(value: unknown): value is EndReason {
  return typeof value === 'string' && (END_REASONS as readonly string[]).includes(value);
}

/** What changes when a match ends. The term counts as complete once the 6-month minimum is reached. */
export function endMatch(request: EndingRequest): Result<EndingOutcome, EndingErrorCode> {
  if (!isEndReason(request.reason)) return fail('END_REASON_INVALID', 'Please choose why the match is ending.');
  if (request.reason === 'termComplete' && request.monthsElapsed < MINIMUM_TERM_MONTHS) {
    return fail('TERM_NOT_COMPLETE', `The term is not complete until ${MINIMUM_TERM_MONTHS} months have passed; please choose another reason.`);
  }
  return ok({
    reason: request.reason,
    endedBy: request.endedBy,
    endedAt: request.at,
    youngPerson: YOUNG_PERSON_NEXT[request.reason],
    mentor: request.mentorNext,
    mentorEvents: request.mentorNext === 'offerAgain' ? ['endMatch', 'offerAgain'] : ['endMatch', 'withdraw'],
  });
}
