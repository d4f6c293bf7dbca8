import { type Turn, sendCard } from '../../platform/teams/turn.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { helpCard } from './cards/help.card.js';
import { statusCard } from './cards/status.card.js';
import { undeliveredLinesFor } from '../../platform/teams/undelivered.notifications.js';
import type { StatusFacts } from '../../platform/teams/route-registry.js';
import type { JourneyTeamsDeps } from './journey-teams-deps.js';

export function helpCommand(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const isCoordinator = deps.journey.roles.isCoordinator(actor.id);
    // Whatever the bot gave up on stays here until a coordinator presses Try again, even if its card never arrived.
    const undelivered = isCoordinator ? await undeliveredLinesFor(await deps.undelivered.listAll(), deps.journey.directory) : [];
    await sendCard(context, helpCard({ mentor, isCoordinator, undelivered }));
  };
}

export function statusCommand(deps: JourneyTeamsDeps, more: readonly StatusFacts[] = []) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const facts = mentor ? (await Promise.all(more.map((provider) => provider(actor.id)))).flat() : [];
    await sendCard(context, statusCard(mentor, facts));
  };
}
