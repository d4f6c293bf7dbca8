import type { AdaptiveCardJson } from './cards/card.js';

/**
 * One turn of a 1:1 chat as a capability's handlers see it: what was sent, and how to answer. The project owns this
 * port; botbuilder stays behind it (turn-context.ts), so a move to the Teams SDK v2 replaces src/platform/teams alone.
 */
export interface Turn {
  /** What the person typed; empty for a card action. */
  readonly text: string;
  /** The message a card action came from, so that card can be updated in place later. */
  readonly replyToId?: string;
  /** Where this chat is, for remembering a card sent in it. */
  readonly conversationId?: string;
  readonly serviceUrl?: string;
  /** Sends a card into this chat; gives the new message's id. */
  reply(card: AdaptiveCardJson): Promise<string | undefined>;
  /** Answers a card action with the card that replaces the one clicked, for the person who clicked only. */
  answer(card: AdaptiveCardJson): Promise<void>;
}

export function sendCard(turn: Turn, card: AdaptiveCardJson): Promise<string | undefined> {
  return turn.reply(card);
}

export function answerInvoke(turn: Turn, card: AdaptiveCardJson): Promise<void> {
  return turn.answer(card);
}
