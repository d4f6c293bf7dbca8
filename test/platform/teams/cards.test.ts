import { describe, expect, it } from 'vitest';
import { cardProblems } from '../../support/card-check.js';
import { CARDS } from '../../cards/catalog.js';

/** Every TextBlock anywhere in a card (TextBlock is the one element that reads Markdown). */
function textBlocks(node: unknown): Array<{ text?: unknown; style?: unknown }> {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'TextBlock' ? [element] : [];
  return [...own, ...Object.values(element).flatMap(textBlocks)];
}

describe('every card the bot sends', () => {
  it.each(CARDS)('%s parses as an Adaptive Card 1.5 without problems', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(CARDS)('%s shows what people typed as text, never as Markdown', (_name, card) => {
    // Only the bot's own headings are TextBlocks, and only when they hold nothing Markdown could act on.
    for (const block of textBlocks(card)) {
      expect(block.style).toBe('heading');
      expect(String(block.text)).not.toMatch(/[*_[\]()#>`~|\\<]|^\s*([-+]|\d+\.)\s/m);
    }
  });
});
