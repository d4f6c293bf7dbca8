import type { MentorStage } from '../../journey/domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { SessionKind } from './session.js';

/**
 * Who may book each kind of session, by mentor stage. 'anyone' includes people with no mentor record:
 * workshops, shadowing and Regulation 33 visits are for elected members whether or not they mentor.
 */
export const WHO_MAY_BOOK: Readonly<Record<SessionKind, readonly MentorStage[] | 'anyone'>> = {
  informationSession: ['approved', 'booked'],
  training: ['approved', 'booked'],
  supervision: ['matched', 'active'],
  memberWorkshop: 'anyone',
  shadowing: 'anyone',
  regulation33Visit: 'anyone',
};

export type EligibilityErrorCode = 'NOT_ELIGIBLE';

/** `stage` is undefined for someone who has not signed up as a mentor. */
export function mayBook(kind: SessionKind, stage: MentorStage | undefined): Result<true, EligibilityErrorCode> {
  const allowed = WHO_MAY_BOOK[kind];
  if (allowed === 'anyone' || (stage !== undefined && allowed.includes(stage))) return ok(true);
  return fail('NOT_ELIGIBLE', notEligibleMessage(kind, stage));
}

const BEFORE_APPROVAL: readonly (MentorStage | undefined)[] = [undefined, 'interested', 'awaitingApproval', 'declined', 'withdrawn'];

function notEligibleMessage(kind: SessionKind, stage: MentorStage | undefined): string {
  if (kind === 'supervision') return 'Group supervision is for mentors who have been matched with a young person.';
  if (stage === undefined) return 'Sign up as a mentor first: type "sign up".';
  if (BEFORE_APPROVAL.includes(stage)) {
    return 'You can book the information session and the training once your sign-up has been approved.';
  }
  return 'You have already completed the training, so there is no need to book this.';
}
