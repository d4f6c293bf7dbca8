import { card, heading, text, type AdaptiveCardJson, type CardAction } from './card.js';

/** A refusal or a failure, said plainly; nothing was changed. `next` is the way on, as buttons (such as `command(...)`). */
export function errorCard(message: string, title = "That didn't work", next: CardAction[] = []): AdaptiveCardJson {
  return card([heading(title), text(message, { color: 'Attention' }), text('Nothing was changed.', { subtle: true })], next);
}
