import type { TurnContext } from 'botbuilder';
import { card, heading, text } from './cards/card.js';
import { sendCard } from './reply.js';

/** A message no route understood. */
export async function unknownCommand(context: TurnContext): Promise<void> {
  await sendCard(context, card([heading("I didn't understand that"), text('Type help to see what you can do.')]));
}
