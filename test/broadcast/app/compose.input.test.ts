import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../../src/broadcast/app/compose.input.js';
import { checkBroadcastText } from '../../../src/broadcast/domain/index.js';

const DRAFT = '5f0c2b1e-8a7d-4c3b-9e2f-1a0b9c8d7e6f';
const form = (over: Record<string, unknown>) => ({ draftId: DRAFT, sessionId: 'none', text: 'Hello', audience: 'matched', people: '', ...over });

describe('reading the broadcast compose card', () => {
  it.each([
    ['no audience', form({ audience: '', people: '' }), 'Please choose who to send it to.'],
    ['an empty message', form({ text: '   ' }), 'The message is empty'],
    ['a message too long', form({ text: 'x'.repeat(2_001) }), 'or fewer'],
    ['an unknown audience key', form({ audience: 'everyone,admins' }), 'could not be read'],
    ['a named person who is neither', form({ people: 'alex@council.example, not a person' }), '"not a person" is not an e-mail address'],
    ['a forged draft id', form({ draftId: '../../etc' }), 'could not be read'],
  ])('refuses %s with a message a person can read', (_name, input, message) => {
    const parsed = parseCompose(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(message);
  });

  it('reads a good form: announcement, audiences, named people split on commas', () => {
    const parsed = parseCompose(form({ text: ' Line one\r\nLine two ', audience: 'eligible,matched', people: 'alex@council.example; 11111111-1111-4111-8111-111111111111' }));
    expect(parsed).toEqual({
      ok: true,
      value: {
        draftId: DRAFT,
        text: 'Line one\nLine two',
        audience: { eligible: true, groups: ['matched'], people: ['alex@council.example', '11111111-1111-4111-8111-111111111111'] },
        values: { sessionId: 'none', text: 'Line one\nLine two', audience: 'eligible,matched', people: 'alex@council.example, 11111111-1111-4111-8111-111111111111', picked: '' },
      },
    });
  });

  it('reads people picked by name (directory ids from the picker) together with typed addresses, each person once', () => {
    const picked = '11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222';
    const parsed = parseCompose(form({ audience: '', picked, people: 'alex@council.example, 22222222-2222-4222-8222-222222222222' }));
    expect(parsed.ok && parsed.value.audience.people).toEqual(['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'alex@council.example']);
    expect(parsed.ok && parsed.value.values.picked).toBe(picked);
  });

  it('refuses a picker value that is not a directory id as unreadable (it did not come from the picker)', () => {
    const parsed = parseCompose(form({ picked: 'alex@council.example' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain('could not be read');
  });

  it('never throws on any payload, and accepts a text only as checkBroadcastText does', () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.string(), fc.anything()), (payload, text) => {
        const parsed = parseCompose(payload);
        expect(typeof parsed.ok).toBe('boolean');
        const withText = parseCompose(form({ text }));
        const checked = checkBroadcastText(text);
        expect(withText.ok).toBe(checked.ok);
        if (withText.ok && checked.ok) expect(withText.value.text).toBe(checked.value);
      }),
      { numRuns: 500 },
    );
  });
});
