import type { Mentor } from '../../domain/index.js';
import { JOURNEY_VERBS } from '../journey.verbs.js';
import { waitingForDecisionSection } from './waiting-for-decision.js';
import { bullets, card, command, execute, heading, subheading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { SCHEME_ASKS } from './scheme-facts.js';

export interface WelcomeView {
  readonly isCoordinator?: boolean;
  /** Requests waiting for this person's decision. */
  readonly waitingForDecision?: readonly Mentor[];
}

const SUMMARY = 'The council is looking for mentors for young people leaving care';

/** On install, written for who the person is: an approver's waiting requests first, a coordinator's day, or the offer. */
export function welcomeCard(view: WelcomeView = {}): AdaptiveCardJson {
  const waiting = view.waitingForDecision ?? [];
  if (view.isCoordinator) {
    return card(
      [
        heading('Welcome: you run the mentoring scheme'),
        ...waitingForDecisionSection(waiting),
        text('Each day: sessions and their waiting lists, attendance, refreshment claims, and who is waiting in the pipeline.'),
        text('Type help at any time to see everything you can do.', { subtle: true, spacing: 'Medium' }),
      ],
      [command('Sessions', 'sessions'), command('Pipeline', 'pipeline'), command('Help', 'help')],
    );
  }
  if (waiting.length > 0) {
    const first = waiting[0]!;
    return card(
      [
        heading('Welcome to the mentoring scheme'),
        ...waitingForDecisionSection(waiting),
        text("You are asked because you are the applicant's line manager (or the scheme's approver). Each request is below as its own card."),
        text('Type help at any time to see what you can do.', { subtle: true, spacing: 'Medium' }),
      ],
      [],
      undefined,
      { summary: waiting.length === 1 ? `${first.name} asks for your approval to mentor a care leaver` : `${waiting.length} requests to mentor a care leaver are waiting for your approval` },
    );
  }
  return card(
    [
      heading('Mentor a young person leaving care'),
      text(
        'The Leaving Care Service is looking for senior managers and elected members to mentor a care leaver aged 16 to 25: one trusted adult who helps them towards work, education or training.',
      ),
      subheading('What it asks of you'),
      ...bullets(SCHEME_ASKS),
      text('Type help at any time to see what you can do.', { subtle: true, spacing: 'Medium' }),
    ],
    [execute("I'm interested", JOURNEY_VERBS.expressInterest, {}, 'positive')],
    undefined,
    { summary: SUMMARY },
  );
}
