import type { AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** What a client that cannot show the card shows instead (and what a screen reader can announce first). */
export function withFallback(card: AdaptiveCardJson, fallbackText: string): AdaptiveCardJson {
  return { ...card, fallbackText } as AdaptiveCardJson;
}
