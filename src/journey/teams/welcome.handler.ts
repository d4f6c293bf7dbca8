import type { TurnContext } from 'botbuilder';
import { isApprover } from '../domain/index.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { welcomeCard } from './cards/welcome.card.js';
import { actorOf, addressOf, isPersonalChat } from '../../platform/teams/identity.js';
import { sendCard } from '../../platform/teams/reply.js';
import type { TeamsDeps } from '../../platform/teams/teams-deps.js';

/**
 * The app was installed for someone: remember how to reach them, welcome them, and show any request waiting on them.
 * Only in their personal chat: someone joining a team the bot is in must not bring an approval request into a channel.
 */
export function welcomeHandler(deps: TeamsDeps) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const joined = (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
    const actor = actorOf(context);
    if (!joined || !actor || !isPersonalChat(context)) return;
    const address = addressOf(context);
    if (address) await deps.conversations.remember(address);
    await sendCard(context, welcomeCard());
    for await (const { value: mentor } of deps.journey.mentors.listByStage('awaitingApproval')) {
      if (mentor.approval && isApprover(mentor.approval, actor.id)) {
        await sendCard(context, approvalRequestCard(mentor, { canDecide: true }));
      }
    }
  };
}

/** Remembers the 1:1 conversation of whoever writes, so any instance can reach them later. */
export function rememberConversation(deps: TeamsDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const address = addressOf(context);
    if (address) await deps.conversations.remember(address);
    return true;
  };
}
