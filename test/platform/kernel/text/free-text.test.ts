import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFreeText, type FreeTextRule } from '../../../../src/platform/kernel/text/index.js';

const ONE_LINE: FreeTextRule = { label: 'job title', max: 20, required: true };
const NOTES: FreeTextRule = { label: 'The notes', max: 50, multiline: true };

describe('checkFreeText', () => {
  it.each<[string, unknown, FreeTextRule, string]>([
    ['plain text, trimmed', '  Head of Highways ', ONE_LINE, 'Head of Highways'],
    ['white space folded on one line', 'Head \t of\nHighways', ONE_LINE, 'Head of Highways'],
    ['line breaks kept, made plain, where the field has lines', ' one\r\ntwo\rthree\u2028four\n', NOTES, 'one\ntwo\nthree\nfour'],
    ['zero-width spaces at the edges dropped', '\u200BHead\u200B', ONE_LINE, 'Head'],
    ['a joiner inside an emoji kept', 'Family 👨‍👩‍👧', ONE_LINE, 'Family 👨‍👩‍👧'],
    ['a variation selector at the end kept', 'I ❤️', ONE_LINE, 'I ❤️'],
    ['right-to-left letters kept', 'مرحبا', ONE_LINE, 'مرحبا'],
    ['exactly the maximum, counted as a person counts', '😀'.repeat(20), ONE_LINE, '😀'.repeat(20)],
    ['nothing, in an optional field', undefined, NOTES, ''],
    ['only invisible characters, in an optional field', '\u200B \uFEFF\n', NOTES, ''],
  ])('accepts %s', (_name, input, rule, expected) => {
    expect(checkFreeText(input, rule)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, FreeTextRule, string, string]>([
    ['nothing', undefined, ONE_LINE, 'TEXT_MISSING', 'Job title is required.'],
    ['three zero-width spaces', '\u200B\u200B\u200B', ONE_LINE, 'TEXT_MISSING', 'Job title is required.'],
    ['a word joiner, a byte order mark and a soft hyphen', '\u2060\uFEFF\u00AD', ONE_LINE, 'TEXT_MISSING', 'Job title is required.'],
    ['a control character alone', '\u0007', ONE_LINE, 'TEXT_MISSING', 'Job title is required.'],
    ['a number', 42, ONE_LINE, 'TEXT_NOT_TEXT', 'Job title must be written as text.'],
    ['a right-to-left override', 'I care \u202Edevorppa\u202C', ONE_LINE, 'TEXT_DIRECTION_CONTROL', 'Job title contains hidden characters that change the direction'],
    ['a direction isolate alone', '\u2067', ONE_LINE, 'TEXT_DIRECTION_CONTROL', 'Job title contains hidden characters'],
    ['an escape sequence', 'red \u001b[31m', ONE_LINE, 'TEXT_NOT_PLAIN', 'Job title contains characters that cannot be shown.'],
    ['half a character', 'a\uD800b', ONE_LINE, 'TEXT_NOT_PLAIN', 'Job title contains characters that cannot be shown.'],
    ['one character too many', 'x'.repeat(21), ONE_LINE, 'TEXT_TOO_LONG', 'Job title is 21 characters long; please keep it to 20 or fewer.'],
  ])('refuses %s', (_name, input, rule, code, message) => {
    const checked = checkFreeText(input, rule);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.code).toBe(code);
    expect(checked.error.message).toContain(message);
  });

  it('uses the form\'s own words for a missing value', () => {
    expect(checkFreeText('  ', { ...ONE_LINE, whenMissing: 'Please give a title.' })).toEqual({ ok: false, error: { code: 'TEXT_MISSING', message: 'Please give a title.' } });
  });

  it('never throws, and what it accepts holds no direction control, no control character, and something visible', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.anything()), fc.boolean(), (input, multiline) => {
        const checked = checkFreeText(input, { label: 'text', max: 60, multiline });
        if (!checked.ok || checked.value === '') return;
        expect(checked.value).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(checked.value).toBe(checked.value.trim());
        if (!multiline) expect(checked.value).not.toMatch(/\n/);
      }),
      { numRuns: 2000 },
    );
  });
});
