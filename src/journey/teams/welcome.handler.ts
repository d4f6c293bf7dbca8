import type { JourneyDeps } from '../app/journey-deps.js';
import { waitingForDecision } from '../app/waiting-for-decision.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { sendCard, type Turn } from '../../platform/teams/turn.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { welcomeCard } from './cards/welcome.card.js';

/** On install: a welcome written for who the person is, then each approval waiting on them as its own card. */
export function welcome(journey: JourneyDeps) {
  return async (turn: Turn, actor: PersonRef): Promise<void> => {
    const waiting = await waitingForDecision(journey, actor.id);
    await sendCard(turn, welcomeCard({ isCoordinator: journey.roles.isCoordinator(actor.id), waitingForDecision: waiting }));
    for (const mentor of waiting) await sendCard(turn, approvalRequestCard(mentor, { canDecide: true }));
  };
}
