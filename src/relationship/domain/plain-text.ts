import { fail, type Result } from '../../platform/kernel/result.js';
import { checkFreeText, type FreeTextCode } from '../../platform/kernel/text/index.js';

export type PlainTextErrorCode = FreeTextCode;

export interface PlainTextRules {
  /** How the field is named in a message: "The focus". */
  readonly label: string;
  /** Most characters allowed, counted as a person would count them. */
  readonly max: number;
}

// Markup a card or a spreadsheet might act on.
const MARKUP = /<\/?[a-z!?][^>]*>/i;

/** Short text on one line, by the free-text rule, and without tags. Empty is allowed here: the caller says if it is missing. */
export function checkPlainText(input: unknown, rules: PlainTextRules): Result<string, PlainTextErrorCode> {
  const text = checkFreeText(input, { label: rules.label, max: rules.max });
  if (!text.ok) return text;
  if (MARKUP.test(text.value)) return fail('TEXT_NOT_PLAIN', `${rules.label} must be plain text, without tags such as <b>.`);
  return text;
}
