import type { TurnContext } from 'botbuilder';
import { errorCard } from './cards/error.card.js';
import { answerInvoke } from './reply.js';

/** An Action.Execute whose verb the bot does not know: a card from an old version, or a forged payload. */
export function isUnknownAction(context: TurnContext, knownVerbs: ReadonlySet<string>): Promise<boolean> {
  const activity = context.activity;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  const isAction = activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
  return Promise.resolve(isAction && !(typeof verb === 'string' && knownVerbs.has(verb)));
}

export async function unknownAction(context: TurnContext): Promise<string> {
  await answerInvoke(context, errorCard('This button belongs to an older card. Type help to start again.'));
  return '';
}
