import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../kernel/person.js';
import type { Logger } from '../../log.js';
import type { ConversationRepository } from '../storage/conversation.repository.js';
import { failureCard, logFailure } from './guard.js';
import { actorOf, addressOf, isPersonalChat } from './identity.js';
import { sendCard } from './reply.js';
import type { Turn } from './turn.js';
import { turnOf } from './turn-context.js';

/** What a capability does when the app is installed for someone (the journey's welcome). */
export type InstallHandler = (turn: Turn, actor: PersonRef) => Promise<void>;

export interface InstallDeps {
  readonly conversations: ConversationRepository;
  readonly log: Logger;
}

/**
 * The app was installed for someone: remember how to reach them, and run the install handlers once. Teams announces a
 * personal install twice, as an installationUpdate (`add`) and as a conversationUpdate whose membersAdded may hold only
 * the bot, often at once and to different instances: the stored claim makes it one welcome. Only in their personal
 * chat: someone joining a team the bot is in must not bring anything about anyone into a channel.
 */
export function welcomeOnce(deps: InstallDeps, handlers: readonly InstallHandler[]) {
  return async (context: TurnContext): Promise<void> => {
    const actor = actorOf(context);
    const address = addressOf(context);
    if (!actor || !address) return;
    try {
      if (!(await deps.conversations.claimWelcome(address))) return;
      const turn = turnOf(context);
      for (const handler of handlers) await handler(turn, actor);
    } catch (error) {
      // Nobody asked for anything yet: no error card on install; they get an answer when they first write.
      logFailure(deps.log, 'welcome', error);
    }
  };
}

/** An installationUpdate: `add` is an install (welcome), `remove` an uninstall (the next install is welcomed again). */
export function installationHandler(deps: InstallDeps, handlers: readonly InstallHandler[]) {
  const welcome = welcomeOnce(deps, handlers);
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
export function rememberConversation(deps: InstallDeps) {
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
