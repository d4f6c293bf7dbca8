import { isApprover } from '../domain/index.js';
import type { JourneyDeps } from '../app/journey-deps.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { sendCard, type Turn } from '../../platform/teams/turn.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { welcomeCard } from './cards/welcome.card.js';

/** On install: what the scheme is and asks, then any approval waiting on the person. */
export function welcome(journey: JourneyDeps) {
  return async (turn: Turn, actor: PersonRef): Promise<void> => {
    await sendCard(turn, welcomeCard());
    for await (const { value: mentor } of journey.mentors.listByStage('awaitingApproval')) {
      if (mentor.approval && isApprover(mentor.approval, actor.id)) await sendCard(turn, approvalRequestCard(mentor, { canDecide: true }));
    }
  };
}
