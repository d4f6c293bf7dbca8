import type { Mentor } from '../../domain/index.js';
import { nextStep } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { card, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** What the applicant is told when their approver decides. */
export function approvalOutcomeCard(mentor: Mentor): AdaptiveCardJson {
  const approval = mentor.approval!;
  const approved = approval.status === 'approved';
  return card([
    heading(approved ? 'You can become a mentor' : 'Your mentoring request was declined'),
    statusLine(approval),
    text(nextStep(mentor), { spacing: 'Medium' }),
  ]);
}
