import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROADCAST_TEXT_MAX, checkBroadcastText, escapeForTextBlock } from '../../../src/broadcast/domain/index.js';

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Where the escaped text has a Markdown mark that is not escaped, or a line shape Markdown would act on; undefined if none. */
function firstUnescapedMark(text: string): string | undefined {
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\') {
      if (!PUNCTUATION.test(text[i + 1] ?? '')) return `a lone backslash at ${i}`;
      i += 1;
    } else if (PUNCTUATION.test(char)) {
      return `"${char}" at ${i}`;
    }
  }
  if (text.includes('{{')) return 'a card function opener';
  const lines = text === '' ? [] : text.split('\n\n');
  if (lines.some((line) => line === '' || line.includes('\n') || /^\s|\s$/.test(line))) return 'a line break or indentation Markdown would act on';
  return undefined;
}

/** What a CommonMark renderer shows: each escaped mark as itself, paragraphs as lines. */
function shown(escaped: string): string {
  return escaped.split('\n\n').map((line) => line.replace(/\\([!-/:-@[-`{-~])/g, '$1')).join('\n');
}

describe('checkBroadcastText', () => {
  it.each<[string, unknown, string]>([
    ['plain text', 'Supervision is on Tuesday.', 'Supervision is on Tuesday.'],
    ['trimmed, with Windows line breaks made plain', '  Line one\r\nLine two \n', 'Line one\nLine two'],
    ['tabs and emoji kept', 'Agenda:\tcatch-up 👨‍👩‍👧', 'Agenda:\tcatch-up 👨‍👩‍👧'],
    ['exactly the maximum, counted in characters not code units', '😀'.repeat(BROADCAST_TEXT_MAX), '😀'.repeat(BROADCAST_TEXT_MAX)],
  ])('accepts %s', (_name, input, expected) => {
    expect(checkBroadcastText(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['a number', 42, 'BROADCAST_TEXT_NOT_TEXT'],
    ['nothing', undefined, 'BROADCAST_TEXT_EMPTY'],
    ['only zero-width spaces and a byte order mark', '\u200B\u200C\u200D\u2060\uFEFF', 'BROADCAST_TEXT_EMPTY'],
    ['a left-to-right isolate', 'a\u2066b\u2069', 'BROADCAST_TEXT_NOT_PLAIN'],
    ['an empty message', '', 'BROADCAST_TEXT_EMPTY'],
    ['only spaces and line breaks', ' \n\t ', 'BROADCAST_TEXT_EMPTY'],
    ['one character too many', 'a'.repeat(BROADCAST_TEXT_MAX + 1), 'BROADCAST_TEXT_TOO_LONG'],
    ['a NUL', 'a\u0000b', 'BROADCAST_TEXT_NOT_PLAIN'],
    ['an escape sequence', 'red \u001b[31m text', 'BROADCAST_TEXT_NOT_PLAIN'],
    ['a C1 control', 'a\u0085b', 'BROADCAST_TEXT_NOT_PLAIN'],
    ['a right-to-left override', 'invoice\u202Egnp.exe', 'BROADCAST_TEXT_NOT_PLAIN'],
    ['a lone surrogate', 'a\uD800b', 'BROADCAST_TEXT_NOT_PLAIN'],
  ])('refuses %s', (_name, input, code) => {
    const result = checkBroadcastText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('tells the coordinator how long the message is', () => {
    const result = checkBroadcastText('a'.repeat(2_345));
    expect(!result.ok && result.error.message).toBe('The message is 2345 characters long; please keep it to 2000 or fewer.');
  });
});

describe('escapeForTextBlock', () => {
  it.each<[string, string, string]>([
    ['plain words stay as they are', 'See you there', 'See you there'],
    ['a link', '[Book here](https://evil.example)', '\\[Book here\\]\\(https\\:\\/\\/evil\\.example\\)'],
    ['a heading', '# Urgent', '\\# Urgent'],
    ['a list', '- one\n1. two', '\\- one\n\n1\\. two'],
    ['emphasis', '**bold** _it_ ~~gone~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~'],
    ['a mention or an HTML tag', '<at>Everyone</at>', '\\<at\\>Everyone\\<\\/at\\>'],
    ['a card date function', '{{DATE(2026-10-13T09:00:00Z, SHORT)}}', '\\{\\{DATE\\(2026\\-10\\-13T09\\:00\\:00Z\\, SHORT\\)\\}\\}'],
    ['an entity', 'fish &amp; chips', 'fish \\&amp\\; chips'],
    ['a backslash', 'C:\\temp', 'C\\:\\\\temp'],
    ['indentation that would make code', '    code();', 'code\\(\\)\\;'],
    ['lines kept as lines, blank runs folded', 'one\n\n\ntwo\r\nthree', 'one\n\ntwo\n\nthree'],
    ['control characters dropped, tabs as spaces', 'a\u0000b\tc', 'ab c'],
  ])('%s', (_name, input, expected) => {
    expect(escapeForTextBlock(input)).toBe(expected);
  });

  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom('*', '_', '[', ']', '(', ')', '#', '-', '+', '1', '.', '>', '<', '`', '~', '|', '!', '{', '}', '\\', '&', ' ', '\n', '\r', '\t', 'a'), maxLength: 300 }),
  );

  it('property: never throws and leaves no unescaped Markdown mark', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(firstUnescapedMark(escapeForTextBlock(input))).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: a checked message shows exactly as typed, line by line', () => {
    fc.assert(
      fc.property(text, (input) => {
        const checked = checkBroadcastText(input);
        if (!checked.ok) return;
        const lines = checked.value.split('\n').map((line) => line.replace(/\t/g, ' ').trim()).filter((line) => line !== '');
        expect(shown(escapeForTextBlock(checked.value))).toBe(lines.join('\n'));
      }),
      { numRuns: 2_000 },
    );
  });
});
