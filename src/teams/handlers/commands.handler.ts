import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../../domain/person.js';
import { card, heading, text } from '../cards/card.js';
import { helpCard } from '../cards/help.card.js';
import { statusCard } from '../cards/status.card.js';
import { undeliveredLinesFor } from '../notifications/undelivered.notifications.js';
import { sendCard } from '../reply.js';
import type { StatusFacts } from '../routes/route-registry.js';
import type { TeamsDeps } from '../teams-deps.js';

export function helpCommand(deps: TeamsDeps) {
  return async (context: TurnContext, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const isCoordinator = deps.journey.roles.isCoordinator(actor.id);
    // Whatever the bot gave up on stays here until a coordinator presses Try again, even if its card never arrived.
    const undelivered = isCoordinator ? await undeliveredLinesFor(await deps.undelivered.listAll(), deps.journey.directory) : [];
    await sendCard(context, helpCard({ mentor, isCoordinator, undelivered }));
  };
}

export function statusCommand(deps: TeamsDeps, more: readonly StatusFacts[] = []) {
  return async (context: TurnContext, actor: PersonRef): Promise<void> => {
    const mentor = (await deps.journey.mentors.get(actor.id))?.value;
    const facts = mentor ? (await Promise.all(more.map((provider) => provider(actor.id)))).flat() : [];
    await sendCard(context, statusCard(mentor, facts));
  };
}

export function unknownCommand() {
  return async (context: TurnContext): Promise<void> => {
    await sendCard(context, card([heading("I didn't understand that"), text('Say "help" to see what you can do.')]));
  };
}
