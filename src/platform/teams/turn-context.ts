import type { TurnContext } from 'botbuilder';
import { answerInvoke, sendCard } from './reply.js';
import type { Turn } from './turn.js';

/** The project's Turn over botbuilder's TurnContext. */
export function turnOf(context: TurnContext): Turn {
  const activity = context.activity;
  return {
    text: activity.text ?? '',
    ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    ...(activity.conversation?.id ? { conversationId: activity.conversation.id } : {}),
    ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
    reply: (card) => sendCard(context, card),
    answer: (card) => answerInvoke(context, card),
  };
}
