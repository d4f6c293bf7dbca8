import { fail, ok, type Result } from '../../platform/kernel/result.js';

export const BROADCAST_TEXT_MAX = 2_000;

export type BroadcastTextErrorCode = 'BROADCAST_TEXT_NOT_TEXT' | 'BROADCAST_TEXT_EMPTY' | 'BROADCAST_TEXT_TOO_LONG' | 'BROADCAST_TEXT_NOT_PLAIN';

// Control characters other than tab and line breaks, and bidirectional overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

function hasMatch(pattern: RegExp, text: string): boolean {
  return text.search(pattern) !== -1;
}

function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The coordinator's announcement, checked: 1 to 2,000 characters (as a person counts them), no control characters. */
export function checkBroadcastText(input: unknown): Result<string, BroadcastTextErrorCode> {
  if (typeof input !== 'string') return fail('BROADCAST_TEXT_NOT_TEXT', 'The message must be written as text.');
  if (hasMatch(CONTROL, input) || hasMatch(LONE_SURROGATE, input)) return fail('BROADCAST_TEXT_NOT_PLAIN', 'The message contains characters that cannot be shown. Please type it again as plain text.');
  const text = normaliseLineBreaks(input).trim();
  const length = [...text].length;
  if (length === 0) return fail('BROADCAST_TEXT_EMPTY', 'The message is empty; please write what you want to say.');
  if (length > BROADCAST_TEXT_MAX) return fail('BROADCAST_TEXT_TOO_LONG', `The message is ${length} characters long; please keep it to ${BROADCAST_TEXT_MAX} or fewer.`);
  return ok(text);
}

/**
 * Text for an Adaptive Card TextBlock that Teams shows literally. TextBlock reads a subset of Markdown, and every
 * Markdown construct (and the card's {{DATE(...)}} functions, and <at> mentions) needs an ASCII punctuation mark, so each
 * one is escaped with a backslash, which CommonMark turns back into the mark itself. Lines are trimmed, so indentation
 * cannot make a code block, and separated by a blank line, the only line break TextBlock keeps.
 * Never throws: characters that cannot be shown are dropped or replaced.
 */
export function escapeForTextBlock(text: string): string {
  const cleaned = normaliseLineBreaks(String(text))
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '');
  return cleaned
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(ASCII_PUNCTUATION, (mark) => `\\${mark}`))
    .join('\n\n');
}
