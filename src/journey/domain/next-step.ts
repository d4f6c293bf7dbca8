import type { Mentor } from './mentor.js';
import { approverNames } from './approval.js';
import type { MentorStage } from './stage.js';

/**
 * One sentence on what happens next, for `help` and `my status`. It names no command: the card offers the next step
 * as a button (the decline reason is shown once, by the card's status line).
 */
export function nextStep(mentor: Mentor | undefined): string {
  if (!mentor) return 'Sign up to say you are interested in becoming a mentor.';
  const approval = mentor.approval;
  switch (mentor.stage) {
    case 'interested':
      return 'Complete the sign-up form.';
    case 'awaitingApproval':
      return `Your request is with ${approval ? approverNames(approval) : 'your approver'} for a decision.`;
    case 'declined':
      return 'You can sign up again when things change.';
    default:
      return STAGE_NEXT[mentor.stage];
  }
}

const STAGE_NEXT: Record<MentorStage, string> = {
  interested: '',
  awaitingApproval: '',
  declined: '',
  approved: 'Book the information session and the full-day training.',
  booked: 'Attend the full-day training; the coordinator records attendance.',
  trained: 'Write your pen picture so that a young person can choose you.',
  profileComplete: 'The coordinator and the EET group will look for a young person who would choose you.',
  matched: 'Arrange your first meeting with your young person, at a time and place that suit you both.',
  active: 'Keep meeting at least 90 minutes a month, and log your meetings.',
  ended: 'Your mentoring has ended. Thank you. The coordinator will ask whether you would mentor again.',
  withdrawn: 'You have stepped down from the scheme. You can sign up again if you would like to return.',
};
