import { card, execute, formatDate, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { describeCheckIn } from '../../domain/index.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';

export interface CheckInView {
  readonly matchId: string;
  readonly key: string;
  readonly mentorName: string;
  readonly startedOn: string;
  readonly loggedBy?: string;
  readonly loggedAt?: string;
}

/** To the coordinators: time to check in with a mentor; logged in one press, and then the card says by whom. */
export function checkInCard(view: CheckInView): AdaptiveCardJson {
  const body = [
    heading(`Check in with ${view.mentorName}`),
    text(`Their match started on ${formatDate(view.startedOn)}: ${describeCheckIn(view.key)} ago. A call or a message to ask how it is going helps a new match settle.`),
  ];
  if (view.loggedBy) return card([...body, text(`Checked in: logged by ${view.loggedBy}${view.loggedAt ? ` on ${formatDate(view.loggedAt)}` : ''}.`, { weight: 'Bolder' })]);
  return card(body, [execute(`Checked in with ${view.mentorName}`, RELATIONSHIP_VERBS.logCheckIn, { matchId: view.matchId, key: view.key }, 'positive')]);
}
