import { card, execute, formatDate, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import type { RelationshipProgress } from '../../app/progress.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { progressFacts } from './commitment.card.js';
import { supportButton } from './support-button.card.js';

/** The mentor's relationship card ("my match"): where it stands, and every next step, ending it included. */
export function myMatchCard(view: { progress: RelationshipProgress; startedOn: string; firstName?: string }): AdaptiveCardJson {
  const who = view.firstName ? `with ${view.firstName} ` : '';
  return card(
    [heading('Your match'), text(`Your match ${who}started on ${formatDate(view.startedOn)}.`), progressFacts(view.progress)],
    [
      execute('Log a meeting', RELATIONSHIP_VERBS.meetingForm, { matchId: view.progress.matchId }, 'positive'),
      supportButton(view.progress.matchId),
      { ...execute('End the match…', RELATIONSHIP_VERBS.endForm, { matchId: view.progress.matchId }), mode: 'secondary' },
    ],
  );
}
