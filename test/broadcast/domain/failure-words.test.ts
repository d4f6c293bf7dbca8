import { describe, expect, it } from 'vitest';
import { failureInPlainWords } from '../../../src/broadcast/domain/index.js';

describe('why a broadcast did not reach someone, in plain words', () => {
  it.each([
    ['BOT_BLOCKED', 'They have blocked the mentoring app in Teams, or it is not installed for them.'],
    ['RECIPIENT_GONE', 'Their Teams account or their chat with the app no longer exists; they may have left the council.'],
    ['NOT_INSTALLED', 'The mentoring app could not be added to their Teams, so there was nowhere to send it.'],
    ['CARD_REJECTED', 'Teams would not show this message to them.'],
    ['REJECTED', 'Teams refused the message.'],
    ['GAVE_UP', 'Teams kept having trouble, so the app stopped trying; trying again later usually works.'],
    ['SOMETHING_NEW', 'Teams did not take the message.'],
    [undefined, 'Teams did not take the message.'],
  ])('%s', (code, words) => {
    expect(failureInPlainWords(code)).toBe(words);
    expect(words).not.toMatch(/HTTP|\d{3}|[A-Z]{2,}_/);
  });
});
