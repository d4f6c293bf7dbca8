import { card, heading, text, type AdaptiveCardJson } from './card.js';

/** A refusal or a failure, said plainly; nothing was changed. */
export function errorCard(message: string, title = "That didn't work"): AdaptiveCardJson {
  return card([heading(title), text(message, { color: 'Attention' }), text('Nothing was changed.', { subtle: true })]);
}
