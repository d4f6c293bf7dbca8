import { card, execute, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { supportButton } from './support-button.card.js';

export interface ReviewView {
  readonly matchId: string;
  readonly forCoordinator: boolean;
  readonly mentorName: string;
  readonly monthsElapsed: number;
  readonly answered?: boolean;
}

export function reviewCard(view: ReviewView): AdaptiveCardJson {
  const who = view.forCoordinator ? `${view.mentorName}'s match` : 'Your match';
  const body = [
    heading('Six-month review'),
    text(`${who} has run ${view.monthsElapsed} months. The scheme asks mentor and coordinator whether to continue (up to 18 months), or to end it now.`),
  ];
  if (view.answered) return card([...body, text('Thank you: your answer is recorded.', { color: 'Good' })], [supportButton(view.matchId)]);
  return card(body, [
    execute('Continue', RELATIONSHIP_VERBS.answerReview, { matchId: view.matchId, answer: 'continue' }, 'positive'),
    execute('End the match', RELATIONSHIP_VERBS.endForm, { matchId: view.matchId }),
    supportButton(view.matchId),
  ]);
}
