import { type Turn, sendCard } from '../../platform/teams/turn.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { helpFor } from '../app/help.js';
import { waitingForDecision } from '../app/waiting-for-decision.js';
import { helpCard } from './cards/help.card.js';
import { statusCard } from './cards/status.card.js';
import { undeliveredLinesFor } from '../../platform/teams/undelivered.notifications.js';
import type { StatusFacts } from '../../platform/teams/route-registry.js';
import type { JourneyTeamsDeps } from './journey-teams-deps.js';

export function helpCommand(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const help = await helpFor(deps.journey, deps.undelivered, actor);
    const undelivered = await undeliveredLinesFor(help.undelivered, deps.journey.directory);
    await sendCard(context, helpCard({ mentor: help.mentor, isCoordinator: help.coordinator, isDataProtectionOfficer: help.dataProtectionOfficer, undelivered, waitingForDecision: help.waitingForDecision }));
  };
}

export function statusCommand(deps: JourneyTeamsDeps, more: readonly StatusFacts[] = []) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const facts = mentor ? (await Promise.all(more.map((provider) => provider(actor.id)))).flat() : [];
    const roles = { isCoordinator: deps.journey.roles.isCoordinator(actor.id), waitingForDecision: await waitingForDecision(deps.journey, actor.id) };
    await sendCard(context, statusCard(mentor, facts, roles));
  };
}
