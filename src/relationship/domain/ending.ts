import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import type { JourneyEvent } from '../../journey/domain/index.js';
import { isMatchEndReason, MATCH_END_REASONS, type MatchEndReason } from '../../matching/domain/index.js';
import { MINIMUM_TERM_MONTHS } from './term.js';

export const END_REASONS = MATCH_END_REASONS;
export type EndReason = MatchEndReason;

/** After a match ends the mentor either waits for a new match or leaves the scheme. */
export type MentorNext = 'offerAgain' | 'stepDown';

/**
 * What happens for the young person: back on the matching list (first in line); asked (through their key adult) whether
 * they want a new mentor, because the ending was not their doing; held (paused) while the coordinator reviews a
 * safeguarding decision; or nothing more from the scheme (their record closes).
 */
export type YoungPersonNext = 'returnToMatchingList' | 'askAboutNewMentor' | 'holdForReview' | 'noFurtherMatch';

export interface EndingRequest {
  readonly reason: EndReason;
  readonly mentorNext: MentorNext;
  readonly monthsElapsed: number;
  readonly endedBy: string;
  readonly at: Date;
  /** The coordinator is closing the young person's record: whatever the reason, nothing more follows for them. */
  readonly closeRecord?: boolean;
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
  youngPersonNoLongerWants: 'noFurtherMatch',
  mentorUnavailable: 'askAboutNewMentor',
  safeguardingDecision: 'holdForReview',
};

const REASON_WORDS: Record<EndReason, string> = {
  termComplete: 'the term is complete',
  relationshipBrokeDown: 'the relationship broke down',
  youngPersonMovedOn: 'the young person has moved on',
  youngPersonNoLongerWants: 'the young person no longer wants a mentor',
  mentorUnavailable: 'the mentor is no longer available',
  safeguardingDecision: 'of a safeguarding decision',
};

/** What follows for the young person; closing their record means nothing more follows, whatever the reason. */
export function youngPersonNextFor(reason: EndReason, closeRecord = false): YoungPersonNext {
  return closeRecord ? 'noFurtherMatch' : YOUNG_PERSON_NEXT[reason];
}

export function describeEndReason(reason: EndReason): string {
  return REASON_WORDS[reason];
}

export function isEndReason(value: unknown): value is EndReason {
  return isMatchEndReason(value);
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
    youngPerson: youngPersonNextFor(request.reason, request.closeRecord),
    mentor: request.mentorNext,
    mentorEvents: request.mentorNext === 'offerAgain' ? ['endMatch', 'offerAgain'] : ['endMatch', 'withdraw'],
  });
}

/** The note on an ending: for the coordinator's record, never shown to a next mentor. */
export const ENDING_NOTE_MAX = 500;

export interface EndingForm {
  readonly reason: EndReason;
  readonly note: string;
  readonly mentorNext?: MentorNext;
}

export interface EndingFormProblem {
  readonly field: 'reason' | 'note' | 'mentorNext';
  readonly message: string;
}

export interface EndingFormRules {
  /** The mentor in the match is ending it: they also say what next for them. */
  readonly byMentor: boolean;
  readonly monthsElapsed: number;
}

/**
 * The form to end a match, every problem at once. A safeguarding decision is the Leaving Care Service's to record: a
 * mentor worried about the young person raises an urgent concern instead.
 */
export type EndingFormResult = { readonly ok: true; readonly value: EndingForm } | { readonly ok: false; readonly problems: readonly EndingFormProblem[] };

export function parseEndingForm(input: Readonly<Record<string, unknown>>, rules: EndingFormRules): EndingFormResult {
  const problems: EndingFormProblem[] = [];
  const reason = input.reason;
  if (!isEndReason(reason)) problems.push({ field: 'reason', message: 'Please choose why the match is ending.' });
  else if (reason === 'termComplete' && rules.monthsElapsed < MINIMUM_TERM_MONTHS) {
    problems.push({ field: 'reason', message: `The term is not complete until ${MINIMUM_TERM_MONTHS} months have passed; please choose another reason.` });
  } else if (reason === 'safeguardingDecision' && rules.byMentor) {
    problems.push({ field: 'reason', message: 'A safeguarding decision is recorded by the Leaving Care Service. If you are worried about the young person, press Support and raise an urgent concern.' });
  }
  const note = checkFreeText(input.note, { label: 'the note', max: ENDING_NOTE_MAX, multiline: true });
  if (!note.ok) problems.push({ field: 'note', message: note.error.message });
  const next = input.mentorNext;
  const mentorNext = next === 'offerAgain' || next === 'stepDown' ? next : undefined;
  if (rules.byMentor && !mentorNext) problems.push({ field: 'mentorNext', message: 'Please say whether you would like to be matched again or to step down.' });
  if (problems.length > 0 || !isEndReason(reason) || !note.ok) return { ok: false, problems };
  return ok({ reason, note: note.value, ...(rules.byMentor && mentorNext ? { mentorNext } : {}) });
}
