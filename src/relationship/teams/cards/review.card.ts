import { card, execute, heading, notice, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
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
  if (view.answered) return card([...body, notice('Thank you: your answer is recorded.', 'good')], [supportButton(view.matchId)]);
  return card(
    body,
    [
      execute('Continue the match', RELATIONSHIP_VERBS.answerReview, { matchId: view.matchId, answer: 'continue' }, 'positive'),
      supportButton(view.matchId),
      execute('End the match…', RELATIONSHIP_VERBS.endForm, { matchId: view.matchId }, undefined, 'secondary'),
    ],
    undefined,
    { summary: view.forCoordinator ? `Six-month review of ${view.mentorName}'s match: continue or end?` : 'Six-month review of your match: continue or end?' },
  );
}
