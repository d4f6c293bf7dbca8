import { fail, type Result } from '../../platform/kernel/result.js';
import { checkFreeText, type FreeTextCode } from '../../platform/kernel/text/index.js';

export const BROADCAST_TEXT_MAX = 2_000;

export type BroadcastTextErrorCode = 'BROADCAST_TEXT_NOT_TEXT' | 'BROADCAST_TEXT_EMPTY' | 'BROADCAST_TEXT_TOO_LONG' | 'BROADCAST_TEXT_NOT_PLAIN';

// What a TextBlock cannot show: dropped when escaping (incoming text is refused for them by checkBroadcastText).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

const BROADCAST_CODES: Record<FreeTextCode, BroadcastTextErrorCode> = {
  TEXT_MISSING: 'BROADCAST_TEXT_EMPTY',
  TEXT_NOT_TEXT: 'BROADCAST_TEXT_NOT_TEXT',
  TEXT_DIRECTION_CONTROL: 'BROADCAST_TEXT_NOT_PLAIN',
  TEXT_NOT_PLAIN: 'BROADCAST_TEXT_NOT_PLAIN',
  TEXT_TOO_LONG: 'BROADCAST_TEXT_TOO_LONG',
};

/** The coordinator's announcement, checked by the free-text rule: 1 to 2,000 characters, line breaks kept. */
export function checkBroadcastText(input: unknown): Result<string, BroadcastTextErrorCode> {
  const text = checkFreeText(input, {
    label: 'The message',
    max: BROADCAST_TEXT_MAX,
    multiline: true,
    required: true,
    whenMissing: 'The message is empty; please write what you want to say.',
  });
  return text.ok ? text : fail(BROADCAST_CODES[text.error.code], text.error.message);
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
