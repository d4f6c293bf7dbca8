import type { Mentor } from '../../domain/index.js';
import { command, execute, type CardAction } from '../../../platform/teams/cards/card.js';
import { JOURNEY_VERBS } from '../journey.verbs.js';

/** The next step of a mentor's journey as a button, where there is one the person can take themselves. */
export function nextStepButton(mentor: Mentor | undefined): CardAction | undefined {
  switch (mentor?.stage) {
    case undefined:
      return execute("I'm interested", JOURNEY_VERBS.expressInterest, {}, 'positive');
    case 'interested':
    case 'declined':
    case 'withdrawn':
      return command('Sign up', 'sign up');
    case 'approved':
      return command('Book sessions', 'sessions');
    case 'trained':
      return command('Write my pen picture', 'my profile');
    case 'profileComplete':
      return command('See my pen picture', 'my profile');
    case 'matched':
    case 'active':
      return command('Log a meeting', 'log meeting');
    default:
      return undefined;
  }
}
