import type { TurnContext } from 'botbuilder';
import { errorCard } from '../cards/error.card.js';
import { answerInvoke } from '../reply.js';
import { KNOWN_VERBS } from './verbs.js';


/** An Action.Execute whose verb the bot does not know: a card from an old version, or a forged payload. */
export function isUnknownAction(context: TurnContext): Promise<boolean> {
  const activity = context.activity;
  const value = activity.value as { action?: { verb?: unknown } } | undefined;
  const verb = value?.action?.verb;
  const unknown = activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && !(typeof verb === 'string' && KNOWN_VERBS.includes(verb));
  return Promise.resolve(unknown);
}

export async function unknownAction(context: TurnContext): Promise<string> {
  await answerInvoke(context, errorCard('This button belongs to an older card. Say "help" to start again.'));
  return '';
}
