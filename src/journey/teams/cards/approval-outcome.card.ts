import type { Mentor } from '../../domain/index.js';
import { nextStep } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { nextStepButton } from './next-step-button.js';
import { card, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** What the applicant is told when their approver decides. */
export function approvalOutcomeCard(mentor: Mentor): AdaptiveCardJson {
  const approval = mentor.approval!;
  const approved = approval.status === 'approved';
  const who = approval.decidedBy?.name ?? 'Your approver';
  const button = nextStepButton(mentor);
  return card(
    [heading(approved ? 'You can become a mentor' : 'Your mentoring request was declined'), statusLine(approval, 'applicant'), text(`Next: ${nextStep(mentor)}`, { spacing: 'Medium' })],
    button ? [button] : [],
    undefined,
    { summary: approved ? `${who} approved your request to become a mentor: book your sessions` : `${who} declined your request to become a mentor` },
  );
}
