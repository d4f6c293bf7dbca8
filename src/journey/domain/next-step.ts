import type { Mentor } from './mentor.js';
import { approverNames } from './approval.js';
import type { MentorStage } from './stage.js';

/** One sentence on what happens next, for `help` and `my status`. */
export function nextStep(mentor: Mentor | undefined): string {
  if (!mentor) return 'Say "sign up" to express your interest in becoming a mentor.';
  const approval = mentor.approval;
  switch (mentor.stage) {
    case 'interested':
      return 'Complete the sign-up form: say "sign up" to see it again.';
    case 'awaitingApproval':
      return `Your request is with ${approval ? approverNames(approval) : 'your approver'} for a decision.`;
    case 'declined':
      return `Your request was declined${approval?.reason ? `: "${approval.reason}"` : ''}. You can sign up again when things change.`;
    default:
      return STAGE_NEXT[mentor.stage];
  }
}

const STAGE_NEXT: Record<MentorStage, string> = {
  interested: '',
  awaitingApproval: '',
  declined: '',
  approved: 'Book the information session and the full-day training: say "sessions".',
  booked: 'Attend the full-day training; the coordinator records attendance.',
  trained: 'Write your pen picture so that a young person can choose you: say "my profile".',
  profileComplete: 'The coordinator and the EET group will look for a young person who would choose you.',
  matched: 'Arrange your first meeting with your young person, at a time and place that suit you both.',
  active: 'Keep meeting at least 90 minutes a month, and log your meetings.',
  ended: 'Your mentoring has ended. Thank you. The coordinator will ask whether you would mentor again.',
  withdrawn: 'You have stepped down from the scheme. Say "sign up" if you would like to return.',
};
