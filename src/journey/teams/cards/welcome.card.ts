import { JOURNEY_VERBS } from '../journey.verbs.js';
import { bullets, card, execute, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { SCHEME_ASKS } from './scheme-facts.js';

export function welcomeCard(): AdaptiveCardJson {
  return card(
    [
      heading('Mentor a young person leaving care'),
      text(
        "The Leaving Care Service is looking for senior managers and elected members to mentor a care leaver aged 16 to 25: one trusted adult who helps them towards work, education or training.",
      ),
      text('What it asks of you', { weight: 'Bolder', spacing: 'Medium' }),
      ...bullets(SCHEME_ASKS),
      text('Say "help" at any time to see what you can do.', { subtle: true, spacing: 'Medium' }),
    ],
    [execute("I'm interested", JOURNEY_VERBS.expressInterest, {}, 'positive')],
  );
}
