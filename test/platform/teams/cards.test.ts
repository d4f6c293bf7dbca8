import { describe, expect, it } from 'vitest';
import { cardProblems } from '../../support/card-check.js';
import { CARDS } from '../../cards/catalog.js';

describe('every card the bot sends', () => {
  it.each(CARDS)('%s parses as an Adaptive Card 1.5 without problems', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(CARDS)('%s shows what people typed as text, never as Markdown', (_name, card) => {
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/"type":"TextBlock"/);
  });
});
