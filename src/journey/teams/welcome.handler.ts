import type { TurnContext } from 'botbuilder';
import { isApprover } from '../domain/index.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { welcomeCard } from './cards/welcome.card.js';
import { actorOf, addressOf, isPersonalChat } from '../../platform/teams/identity.js';
import { sendCard } from '../../platform/teams/reply.js';
import type { TeamsDeps } from '../../platform/teams/teams-deps.js';
import { failureCard, logFailure } from '../../platform/teams/guard.js';

/**
 * The app was installed for someone: remember how to reach them, welcome them, and show any request waiting on them.
 * Teams announces a personal install twice, as an installationUpdate (`add`) and as a conversationUpdate whose
 * membersAdded may hold only the bot, often at once and to different instances: the stored claim makes it one welcome.
 * Only in their personal chat: someone joining a team the bot is in must not bring an approval request into a channel.
 */
export function welcomeHandler(deps: TeamsDeps) {
  return async (context: TurnContext): Promise<void> => {
    const actor = actorOf(context);
    const address = addressOf(context);
    if (!actor || !address) return;
    try {
      if (!(await deps.conversations.claimWelcome(address))) return;
      await sendCard(context, welcomeCard());
      for await (const { value: mentor } of deps.journey.mentors.listByStage('awaitingApproval')) {
        if (mentor.approval && isApprover(mentor.approval, actor.id)) {
          await sendCard(context, approvalRequestCard(mentor, { canDecide: true }));
        }
      }
    } catch (error) {
      // Nobody asked for anything yet: no error card on install; they get an answer when they first write.
      logFailure(deps.log, 'welcome', error);
    }
  };
}

/** An installationUpdate: `add` is an install (welcome), `remove` an uninstall (the next install is welcomed again). */
export function installationHandler(deps: TeamsDeps) {
  const welcome = welcomeHandler(deps);
  return async (context: TurnContext): Promise<void> => {
    const action = context.activity.action;
    if (action === 'add') return welcome(context);
    const actor = actorOf(context);
    if (action !== 'remove' || !actor || !isPersonalChat(context)) return;
    try {
      await deps.conversations.forgetWelcome(actor.id);
    } catch (error) {
      logFailure(deps.log, 'uninstall', error);
    }
  };
}

/**
 * Remembers the 1:1 conversation of whoever writes, so any instance can reach them later. It runs before the turn,
 * outside the handlers' guard: when it fails the person gets the same answer a handler would give, and the turn stops.
 */
export function rememberConversation(deps: TeamsDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const address = addressOf(context);
    if (!address) return true;
    try {
      await deps.conversations.remember(address);
      return true;
    } catch (error) {
      await sendCard(context, failureCard(deps.log, 'rememberConversation', error));
      return false;
    }
  };
}
