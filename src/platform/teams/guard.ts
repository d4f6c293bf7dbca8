import { ActivityTypes, DeliveryModes, type TurnContext } from 'botbuilder';
import type { PersonRef } from '../kernel/person.js';
import type { Logger } from '../../log.js';
import { isStorageUnreachable } from '../storage/storage-unreachable.js';
import { errorCard } from './cards/error.card.js';
import { personalChatOnlyCard } from './cards/personal-chat-only.card.js';
import { actorOf, isPersonalChat } from './identity.js';
import { answerInvoke, sendCard } from './reply.js';

const UNKNOWN_PERSON = "I can't tell who you are. Please use the app from Microsoft Teams with your council account.";
const OUR_FAULT = 'Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the scheme coordinator.';
const STORAGE_DOWN = "I couldn't reach the scheme's records just now. Please try again in a minute; if it keeps happening, tell the scheme coordinator.";

type Handler = (context: TurnContext, actor: PersonRef) => Promise<void>;

/**
 * The answer to an activity that is not from Teams in the council's tenant: nothing stored, nothing sent to the
 * connector. A refusal goes back only where it travels in the HTTP response: an invoke's body, or the replies of a
 * message sent with `deliveryMode: 'expectReplies'`.
 */
export function refuseUntrusted(log: Logger) {
  return async (context: TurnContext): Promise<void> => {
    const { type, channelId, deliveryMode } = context.activity;
    log.warn({ activityType: String(type).slice(0, 40), channelId: String(channelId).slice(0, 40) }, 'activity refused: not from Teams in the council tenant');
    if (type === ActivityTypes.Invoke) await answerInvoke(context, errorCard(UNKNOWN_PERSON));
    else if (type === ActivityTypes.Message && deliveryMode === DeliveryModes.ExpectReplies) await sendCard(context, errorCard(UNKNOWN_PERSON));
  };
}

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
      await sendCard(context, failureCard(log, name, error));
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
      await answerInvoke(context, failureCard(log, name, error));
    }
    return '';
  };
}

/**
 * What a person is told when their turn failed, typed or clicked alike. Storage out of reach is expected now and then
 * (an outage, a failover) and gets a warning; anything else is a fault of ours, logged as an error with its stack.
 */
export function failureCard(log: Logger, name: string, error: unknown) {
  return logFailure(log, name, error) === 'storageUnreachable'
    ? errorCard(STORAGE_DOWN, "I couldn't do that just now")
    : errorCard(OUR_FAULT, 'Sorry, that failed');
}

/** One log line for a failed turn, ids only: a warning when storage was out of reach, an error otherwise. */
export function logFailure(log: Logger, name: string, error: unknown): 'storageUnreachable' | 'fault' {
  if (isStorageUnreachable(error)) {
    log.warn({ handler: name, err: { name: errorName(error), code: (error as { code?: unknown }).code } }, 'storage unreachable; the person was asked to try again');
    return 'storageUnreachable';
  }
  log.error({ handler: name, err: summary(error) }, 'turn failed');
  return 'fault';
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function summary(error: unknown): { name?: string; message?: string; stack?: string } {
  return error instanceof Error ? { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : {};
}
