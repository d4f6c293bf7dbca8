import { execute, type CardAction } from '../../../platform/teams/cards/card.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';

/** Every relationship card carries this: asking for help is always one press away (report 3.8, 4.6). */
export function supportButton(matchId?: string): CardAction {
  return execute('Support', RELATIONSHIP_VERBS.supportForm, matchId ? { matchId } : {});
}
