import type { Mentor } from '../../domain/index.js';
import { approverNames } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { card, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

export function approvalDecidedNoticeCard(mentor: Mentor): AdaptiveCardJson {
  return card([heading('Mentoring request decided'), text(`${mentor.name}'s request to become a mentor:`), statusLine(mentor.approval!)]);
}

export function approvalEscalatedCard(mentor: Mentor): AdaptiveCardJson {
  const approval = mentor.approval!;
  return card([
    heading('A mentoring request is waiting too long'),
    text(`${mentor.name}'s request has waited since ${approval.requestedAt.slice(0, 10)} for ${approverNames(approval)}, who has been reminded once.`),
    text('Please follow it up with them.'),
  ]);
}

export function unreachableCard(personName: string, reason: string, about: string): AdaptiveCardJson {
  return card([
    heading('Someone could not be reached'),
    text(`The bot could not send a message to ${personName} (${about}).`),
    text(`Reason: ${reason}`),
    text('The message waits; please contact them another way or ask IT to allow the app for them.'),
  ]);
}
