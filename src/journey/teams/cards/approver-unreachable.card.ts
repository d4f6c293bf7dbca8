import type { Mentor } from '../../domain/index.js';
import { card, command, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** To the applicant: their request could not reach one approver. It is kept, and the coordinators know. */
export function approverUnreachableCard(mentor: Mentor, approverName: string): AdaptiveCardJson {
  const others = (mentor.approval?.approvers.length ?? 1) > 1;
  return card(
    [
      heading(`Your request could not reach ${approverName}`),
      text(`Teams would not deliver your request to become a mentor to ${approverName}: they may have blocked or removed the app, or left the organisation.`),
      text(
        others
          ? 'Your request is kept and is still with your other approvers. The scheme coordinators have been told.'
          : `Your request is kept. The scheme coordinators have been told and will help it reach ${approverName}, or someone who can decide instead.`,
      ),
      text(`You can also tell ${approverName} it is waiting: it appears when they open the Mentoring Scheme app.`, { subtle: true }),
    ],
    [command('My status', 'my status')],
    undefined,
    { summary: `Your mentoring request could not reach ${approverName}` },
  );
}
