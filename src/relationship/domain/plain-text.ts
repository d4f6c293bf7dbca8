import { fail, ok, type Result } from '../../platform/kernel/result.js';

export type PlainTextErrorCode = 'TEXT_NOT_TEXT' | 'TEXT_TOO_LONG' | 'TEXT_NOT_PLAIN';

export interface PlainTextRules {
  /** How the field is named in a message: "The focus". */
  readonly label: string;
  /** Most characters allowed, counted as a person would count them. */
  readonly max: number;
}

// Control characters other than line breaks and tabs, and markup a card or a spreadsheet might act on.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;
const MARKUP = /<\/?[a-z!?][^>]*>/i;

/** Trims, folds runs of white space into one space, and refuses what is not short plain text. Empty is allowed here. */
export function checkPlainText(input: unknown, rules: PlainTextRules): Result<string, PlainTextErrorCode> {
  if (input === undefined || input === null) return ok('');
  if (typeof input !== 'string') return fail('TEXT_NOT_TEXT', `${rules.label} must be written as text.`);
  if (CONTROL.test(input)) return fail('TEXT_NOT_PLAIN', `${rules.label} contains characters that cannot be shown. Please type it again as plain text.`);
  if (MARKUP.test(input)) return fail('TEXT_NOT_PLAIN', `${rules.label} must be plain text, without tags such as <b>.`);
  const text = input.trim().replace(/\s+/g, ' ');
  const length = [...text].length;
  if (length > rules.max) return fail('TEXT_TOO_LONG', `${rules.label} is ${length} characters long; please keep it to ${rules.max} or fewer.`);
  return ok(text);
}
