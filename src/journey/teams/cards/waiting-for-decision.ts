import type { Mentor } from '../../domain/index.js';
import { JOURNEY_VERBS } from '../journey.verbs.js';
import { bullets, execute, formatDate, subheading, type CardElement } from '../../../platform/teams/cards/card.js';

/** At most this many "Open the request" buttons; the rest are listed. */
const BUTTONS = 4;

/** For an approver: who is waiting for their decision, each with a button that opens the request in place. */
export function waitingForDecisionSection(waiting: readonly Mentor[]): CardElement[] {
  if (waiting.length === 0) return [];
  return [
    subheading(waiting.length === 1 ? '1 request is waiting for your decision' : `${waiting.length} requests are waiting for your decision`, 'None'),
    ...bullets(waiting.map((mentor) => `${mentor.name} asks to become a mentor (since ${formatDate(mentor.approval!.requestedAt)})`)),
    {
      type: 'ActionSet',
      actions: waiting
        .slice(0, BUTTONS)
        .map((mentor) => execute(`Open the request: ${mentor.name}`, JOURNEY_VERBS.refreshApproval, { mentorId: mentor.id, approvalId: mentor.approval!.id }, 'positive')),
    },
  ];
}
