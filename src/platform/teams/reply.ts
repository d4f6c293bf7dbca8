import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { forTeams, type AdaptiveCardJson } from './cards/card.js';

/**
 * A message holding one card. Its summary, when the card has one, goes on the activity: Teams shows it in the phone
 * notification and the chat list instead of "Sent a card".
 */
export function cardActivity(message: AdaptiveCardJson): ReturnType<typeof MessageFactory.attachment> {
  const { content, summary } = forTeams(message);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(content));
  return summary ? { ...activity, summary } : activity;
}

/** Answers an Action.Execute with a card that replaces the one clicked, for the person who clicked only. */
export async function answerInvoke(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: forTeams(card).content } },
  });
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const response = await context.sendActivity(cardActivity(card));
  return response?.id;
}
