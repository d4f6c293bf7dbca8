import { JOURNEY_VERBS } from '../journey.verbs.js';
import type { Mentor } from '../../domain/index.js';
import { describeStage, nextStep } from '../../domain/index.js';
import { statusLine } from './approval-request.card.js';
import { card, execute, facts, formatDate, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** `more`: lines other features add (the DBS check, sessions booked…). */
export function statusCard(mentor: Mentor | undefined, more: Array<[string, string]> = []): AdaptiveCardJson {
  if (!mentor) {
    return card([heading('Your status'), text("You haven't signed up yet."), text(nextStep(undefined))], [execute("I'm interested", JOURNEY_VERBS.expressInterest, {}, 'positive')]);
  }
  return card([
    heading('Your status'),
    facts([
      ['Stage', describeStage(mentor.stage)],
      ['Since', formatDate(mentor.updatedAt)],
      ...more,
    ]),
    ...(mentor.approval ? [statusLine(mentor.approval)] : []),
    text(`Next: ${nextStep(mentor)}`, { spacing: 'Medium' }),
  ]);
}
