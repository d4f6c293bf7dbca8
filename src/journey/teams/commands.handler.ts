import { type Turn, sendCard } from '../../platform/teams/turn.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { card, heading, text } from '../../platform/teams/cards/card.js';
import { helpCard } from './cards/help.card.js';
import { statusCard } from './cards/status.card.js';
import type { StatusFacts } from '../../platform/teams/route-registry.js';
import type { TeamsDeps } from '../../platform/teams/teams-deps.js';

export function helpCommand(deps: TeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    await sendCard(context, helpCard({ mentor, isCoordinator: deps.journey.roles.isCoordinator(actor.id) }));
  };
}

export function statusCommand(deps: TeamsDeps, more: readonly StatusFacts[] = []) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const facts = mentor ? (await Promise.all(more.map((provider) => provider(actor.id)))).flat() : [];
    await sendCard(context, statusCard(mentor, facts));
  };
}

