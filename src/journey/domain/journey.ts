import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { MentorStage } from './stage.js';

export type JourneyEvent =
  | 'submitSignUp'
  | 'approve'
  | 'decline'
  | 'bookTraining'
  | 'cancelTraining'
  | 'recordTrainingAttendance'
  | 'unrecordTrainingAttendance'
  | 'completeProfile'
  | 'match'
  | 'recordFirstMeeting'
  | 'endMatch'
  | 'offerAgain'
  | 'withdraw';

/** Every allowed move; anything not listed is refused. */
const TRANSITIONS: Record<JourneyEvent, { from: readonly MentorStage[]; to: MentorStage }> = {
  submitSignUp: { from: ['interested', 'declined', 'withdrawn'], to: 'awaitingApproval' },
  approve: { from: ['awaitingApproval'], to: 'approved' },
  decline: { from: ['awaitingApproval'], to: 'declined' },
  bookTraining: { from: ['approved'], to: 'booked' },
  cancelTraining: { from: ['booked'], to: 'approved' },
  recordTrainingAttendance: { from: ['booked'], to: 'trained' },
  /** The coordinator corrected the register: not present after all, so booked on a training that has taken place. */
  unrecordTrainingAttendance: { from: ['trained'], to: 'booked' },
  completeProfile: { from: ['trained'], to: 'profileComplete' },
  match: { from: ['profileComplete'], to: 'matched' },
  recordFirstMeeting: { from: ['matched'], to: 'active' },
  endMatch: { from: ['matched', 'active'], to: 'ended' },
  offerAgain: { from: ['ended'], to: 'profileComplete' },
  withdraw: {
    from: ['interested', 'awaitingApproval', 'approved', 'declined', 'booked', 'trained', 'profileComplete', 'ended'],
    to: 'withdrawn',
  },
};

export type JourneyErrorCode = 'TRANSITION_NOT_ALLOWED';

export function advance(stage: MentorStage, event: JourneyEvent): Result<MentorStage, JourneyErrorCode> {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(stage)) {
    return fail('TRANSITION_NOT_ALLOWED', `You can't ${describeEvent(event)} while your status is "${describeStage(stage)}".`);
  }
  return ok(rule.to);
}

export function canAdvance(stage: MentorStage, event: JourneyEvent): boolean {
  return TRANSITIONS[event].from.includes(stage);
}

const STAGE_WORDS: Record<MentorStage, string> = {
  interested: 'interested',
  awaitingApproval: 'waiting for approval',
  approved: 'approved',
  declined: 'declined',
  booked: 'booked on training',
  trained: 'trained',
  profileComplete: 'ready to be matched',
  matched: 'matched',
  active: 'mentoring',
  ended: 'mentoring ended',
  withdrawn: 'withdrawn',
};

const EVENT_WORDS: Record<JourneyEvent, string> = {
  submitSignUp: 'sign up',
  approve: 'be approved',
  decline: 'be declined',
  bookTraining: 'book training',
  cancelTraining: 'cancel training',
  recordTrainingAttendance: 'be recorded as trained',
  unrecordTrainingAttendance: 'have your training attendance taken back',
  completeProfile: 'complete your profile',
  match: 'be matched',
  recordFirstMeeting: 'log a first meeting',
  endMatch: 'end a match',
  offerAgain: 'be offered for a new match',
  withdraw: 'withdraw',
};

export function describeStage(stage: MentorStage): string {
  return STAGE_WORDS[stage];
}

function describeEvent(event: JourneyEvent): string {
  return EVENT_WORDS[event];
}
