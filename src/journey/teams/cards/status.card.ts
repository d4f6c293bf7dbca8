import type { Mentor } from '../../domain/index.js';
import { describeStage, nextStep } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { nextStepButton } from './next-step-button.js';
import { waitingForDecisionSection } from './waiting-for-decision.js';
import { card, command, facts, formatDate, heading, text, type AdaptiveCardJson, type CardAction } from '../../../platform/teams/cards/card.js';

export interface StatusRoles {
  /** Requests waiting for this person's decision: shown first. */
  readonly waitingForDecision?: readonly Mentor[];
  readonly isCoordinator?: boolean;
}

/** `more`: lines other features add (the DBS check, sessions booked…). */
export function statusCard(mentor: Mentor | undefined, more: Array<[string, string]> = [], roles: StatusRoles = {}): AdaptiveCardJson {
  const waiting = waitingForDecisionSection(roles.waitingForDecision ?? []);
  if (!mentor) {
    if (roles.isCoordinator) {
      return card([heading('Your status'), ...waiting, text('You run the scheme as a coordinator; you are not signed up as a mentor.')], [command('Sessions', 'sessions'), command('Pipeline', 'pipeline'), command('Help', 'help')]);
    }
    if (waiting.length > 0) return card([heading('Your status'), ...waiting, text('You are not signed up as a mentor yourself.', { spacing: 'Medium' })]);
    return card([heading('Your status'), text("You haven't signed up yet."), text(nextStep(undefined))], [nextStepButton(undefined)!]);
  }
  const button = nextStepButton(mentor);
  const actions: CardAction[] = button ? [button] : [];
  return card(
    [
      heading('Your status'),
      ...waiting,
      facts([['Stage', describeStage(mentor.stage)], ['Since', formatDate(mentor.updatedAt)], ...more]),
      ...(mentor.approval ? [statusLine(mentor.approval, 'applicant')] : []),
      text(`Next: ${nextStep(mentor)}`, { spacing: 'Medium' }),
    ],
    actions,
  );
}
