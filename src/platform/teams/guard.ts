import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../kernel/person.js';
import type { Logger } from '../../log.js';
import { errorCard } from './cards/error.card.js';
import { personalChatOnlyCard } from './cards/personal-chat-only.card.js';
import { actorOf, isPersonalChat } from './identity.js';
import { answerInvoke, sendCard } from './reply.js';

const UNKNOWN_PERSON = "I can't tell who you are. Please use the app from Microsoft Teams with your council account.";
const OUR_FAULT = 'Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the scheme coordinator.';

type Handler = (context: TurnContext, actor: PersonRef) => Promise<void>;

/**
 * A message handler that knows who is acting, and never lets an exception reach the person. In a channel or group chat
 * it answers nothing but a pointer to the personal chat: every answer is about someone (a stage, bookings, a pipeline).
 */
export function messageHandler(log: Logger, name: string, handler: Handler) {
  return async (context: TurnContext): Promise<void> => {
    if (!isPersonalChat(context)) return void (await sendCard(context, personalChatOnlyCard()));
    const actor = actorOf(context);
    if (!actor) {
      await sendCard(context, errorCard(UNKNOWN_PERSON));
      return;
    }
    try {
      await handler(context, actor);
    } catch (error) {
      log.error({ handler: name, err: summary(error) }, 'message handler failed');
      await sendCard(context, errorCard(OUR_FAULT, 'Sorry, that failed'));
    }
  };
}

/** The same for an Action.Execute: the answer is always a card in the invoke response. */
export function actionHandler(log: Logger, name: string, handler: (context: TurnContext, actor: PersonRef, data: unknown) => Promise<void>) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<string> => {
    const actor = actorOf(context);
    if (!actor) {
      await answerInvoke(context, errorCard(UNKNOWN_PERSON));
      return '';
    }
    try {
      await handler(context, actor, data);
    } catch (error) {
      log.error({ handler: name, err: summary(error) }, 'card action failed');
      await answerInvoke(context, errorCard(OUR_FAULT, 'Sorry, that failed'));
    }
    return '';
  };
}

function summary(error: unknown): { name?: string; message?: string; stack?: string } {
  return error instanceof Error ? { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : {};
}
