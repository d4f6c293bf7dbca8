import { fail, ok, type Result } from '../result.js';

export type FreeTextCode = 'TEXT_MISSING' | 'TEXT_NOT_TEXT' | 'TEXT_DIRECTION_CONTROL' | 'TEXT_NOT_PLAIN' | 'TEXT_TOO_LONG';

export interface FreeTextRule {
  /** How the field is named in a sentence: "Job title", "the key adult's name". */
  readonly label: string;
  /** Most characters allowed, counted as a person counts them (an emoji is one). */
  readonly max: number;
  /** Keeps line breaks and tabs; otherwise every run of white space becomes one space. */
  readonly multiline?: boolean;
  /** Refuses an empty value as missing; otherwise empty comes back as ''. */
  readonly required?: boolean;
  /** The form's own words for a missing value, where it has them. */
  readonly whenMissing?: string;
}

// Bidirectional embeddings, overrides and isolates: they make text read differently from what it holds.
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Characters that draw nothing: white space, controls, format characters (zero-width spaces and joiners, the BOM,
// soft hyphens), what Unicode says to ignore when drawing (variation selectors, Hangul fillers), and the blank braille cell.
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
// Controls other than tab and line breaks, and halves of a character: what a card or a spreadsheet cannot show safely.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const INVISIBLE_EDGES = /^[\s\u180E\u200B-\u200D\u2060]+|[\s\u180E\u200B-\u200D\u2060]+$/g;

/**
 * The one rule for text people type into any form: refuses direction controls anywhere, counts text that shows
 * nothing as empty, refuses control characters, trims, and bounds the length. Never throws.
 */
export function checkFreeText(input: unknown, rule: FreeTextRule): Result<string, FreeTextCode> {
  const label = capitalised(rule.label);
  if (input === undefined || input === null) return empty(rule, label);
  if (typeof input !== 'string') return fail('TEXT_NOT_TEXT', `${label} must be written as text.`);
  if (DIRECTION_CONTROL.test(input)) {
    return fail('TEXT_DIRECTION_CONTROL', `${label} contains hidden characters that change the direction of the text, which can disguise what it says. Please type it again without them.`);
  }
  if (!VISIBLE.test(input)) return empty(rule, label);
  if (CONTROL.test(input)) return fail('TEXT_NOT_PLAIN', `${label} contains characters that cannot be shown. Please type it again as plain text.`);
  const text = tidy(input, rule.multiline === true);
  const length = [...text].length;
  if (length > rule.max) return fail('TEXT_TOO_LONG', `${label} is ${length} characters long; please keep it to ${rule.max} or fewer.`);
  return ok(text);
}

function empty(rule: FreeTextRule, label: string): Result<string, FreeTextCode> {
  return rule.required ? fail('TEXT_MISSING', rule.whenMissing ?? `${label} is required.`) : ok('');
}

function tidy(text: string, multiline: boolean): string {
  const lines = text.replace(LINE_BREAKS, '\n');
  return (multiline ? lines : lines.replace(/\s+/g, ' ')).replace(INVISIBLE_EDGES, '');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
