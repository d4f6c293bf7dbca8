import type { Mentor } from '../../domain/index.js';
import { approverNames } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { card, formatDate, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

export function approvalDecidedNoticeCard(mentor: Mentor): AdaptiveCardJson {
  const approval = mentor.approval!;
  return card([heading('Mentoring request decided'), text(`${mentor.name}'s request to become a mentor:`), statusLine(approval)], [], undefined, {
    summary: `${mentor.name}'s request to become a mentor was ${approval.status === 'approved' ? 'approved' : 'declined'} by ${approval.decidedBy?.name ?? 'the approver'}`,
  });
}

export function approvalEscalatedCard(mentor: Mentor): AdaptiveCardJson {
  const approval = mentor.approval!;
  return card(
    [
      heading('A mentoring request is waiting too long'),
      text(`${mentor.name}'s request has waited since ${formatDate(approval.requestedAt)} for ${approverNames(approval)}, who has been reminded once.`),
      text('Please follow it up with them.'),
    ],
    [],
    undefined,
    { summary: `${mentor.name}'s request is still waiting for ${approverNames(approval)}: please follow it up` },
  );
}

export function unreachableCard(personName: string, reason: string, about: string): AdaptiveCardJson {
  return card(
    [
      heading('Someone could not be reached'),
      text(`The bot could not send ${about} to ${personName}: ${reason}`),
      text('The message waits. Please contact them another way, or ask IT to allow the app for them.'),
    ],
    [],
    undefined,
    { summary: `${personName} could not be reached in Teams (${about}): please contact them` },
  );
}
