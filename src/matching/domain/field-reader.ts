import { checkFreeText, type FreeTextCode } from '../../platform/kernel/text/index.js';
import { invalidInput, type FieldProblem, type InputResult } from '../../platform/kernel/validation/index.js';
import { describeValue } from './vocabulary.js';

export type ProblemCode =
  | 'NOT_A_FORM'
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'UNKNOWN_VALUE'
  | 'BAD_FORMAT'
  | 'NOT_A_DATE'
  | 'DATE_IN_FUTURE'
  | 'AGE_OUT_OF_RANGE'
  | 'OUT_OF_RANGE';

export interface TextRule {
  readonly max: number;
  readonly multiline?: boolean;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
}

export interface ListRule {
  readonly min?: number;
  readonly max: number;
}

export interface FieldReader {
  readonly problems: FieldProblem<ProblemCode>[];
  text(field: string, label: string, rule: TextRule): string;
  optionalText(field: string, label: string, rule: TextRule): string | undefined;
  oneOf<T extends string>(field: string, label: string, known: readonly T[]): T;
  listOf<T extends string>(field: string, label: string, known: readonly T[], rule: ListRule): readonly T[];
  integer(field: string, label: string, min: number, max: number): number;
  boolean(field: string, label: string): boolean;
  date(field: string, label: string): string;
  child(field: string, label: string): FieldReader;
  has(field: string): boolean;
}

const TEXT_PROBLEMS: Record<FreeTextCode, ProblemCode> = {
  TEXT_MISSING: 'REQUIRED',
  TEXT_NOT_TEXT: 'WRONG_TYPE',
  TEXT_DIRECTION_CONTROL: 'BAD_FORMAT',
  TEXT_NOT_PLAIN: 'BAD_FORMAT',
  TEXT_TOO_LONG: 'TOO_LONG',
};
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads untrusted input field by field, never throwing, collecting every problem with a sentence a person can act on. */
export function fieldReader(input: unknown, problems: FieldProblem<ProblemCode>[] = [], prefix = ''): FieldReader {
  const source = isRecord(input) ? input : {};
  const add = (field: string, code: ProblemCode, message: string): void => {
    problems.push({ field: prefix + field, code, message });
  };
  const problem = (field: string, code: ProblemCode, message: string): undefined => {
    add(field, code, message);
    return undefined;
  };
  const get = (field: string): unknown => (Object.prototype.hasOwnProperty.call(source, field) ? source[field] : undefined);

  const readText = (field: string, label: string, rule: TextRule, required: boolean): string | undefined => {
    const checked = checkFreeText(get(field), { label, max: rule.max, multiline: rule.multiline === true, required });
    if (!checked.ok) return problem(field, TEXT_PROBLEMS[checked.error.code], checked.error.message);
    if (checked.value === '') return undefined;
    if (rule.pattern && !rule.pattern.test(checked.value)) {
      return problem(field, 'BAD_FORMAT', `${capital(label)} ${rule.patternHint ?? 'is not in the expected form'}.`);
    }
    return checked.value;
  };

  const reader: FieldReader = {
    problems,
    text: (field, label, rule) => readText(field, label, rule, true) ?? '',
    optionalText: (field, label, rule) => readText(field, label, rule, false),
    oneOf(field, label, known) {
      const raw = get(field);
      if (isKnown(raw, known)) return raw;
      if (raw === undefined || raw === null || raw === '') {
        add(field, 'REQUIRED', `${capital(label)} is required.`);
      } else {
        add(field, 'UNKNOWN_VALUE', `${capital(label)} must be one of: ${known.map(describeValue).join(', ')}.`);
      }
      // A stand-in so the caller can carry on; `finish` refuses the whole form.
      return known[0] as (typeof known)[number];
    },
    listOf(field, label, known, rule) {
      const raw = get(field) ?? [];
      if (!Array.isArray(raw)) {
        add(field, 'WRONG_TYPE', `${capital(label)} must be a list.`);
        return [];
      }
      const min = rule.min ?? 0;
      if (raw.length < min) add(field, 'REQUIRED', `Choose at least ${min} for ${label}.`);
      if (raw.length > rule.max) {
        add(field, 'TOO_MANY', `Choose at most ${rule.max} for ${label}.`);
        return [];
      }
      const unknown = raw.filter((value) => !isKnown(value, known));
      if (unknown.length > 0) {
        add(field, 'UNKNOWN_VALUE', `${capital(label)} can only be: ${known.map(describeValue).join(', ')}.`);
        return [];
      }
      return [...new Set(raw as (typeof known)[number][])];
    },
    integer(field, label, min, max) {
      const raw = get(field);
      if (raw === undefined || raw === null) {
        add(field, 'REQUIRED', `${capital(label)} is required.`);
        return min;
      }
      if (typeof raw !== 'number' || !Number.isInteger(raw)) {
        add(field, 'WRONG_TYPE', `${capital(label)} must be a whole number.`);
        return min;
      }
      if (raw < min || raw > max) {
        add(field, 'OUT_OF_RANGE', `${capital(label)} must be between ${min} and ${max}.`);
        return min;
      }
      return raw;
    },
    boolean(field, label) {
      const raw = get(field);
      if (typeof raw === 'boolean') return raw;
      add(field, raw === undefined || raw === null ? 'REQUIRED' : 'WRONG_TYPE', `${capital(label)} must be yes or no.`);
      return false;
    },
    date(field, label) {
      const raw = get(field);
      if (raw === undefined || raw === null || raw === '') {
        add(field, 'REQUIRED', `${capital(label)} is required.`);
        return '';
      }
      if (typeof raw !== 'string' || !isRealDate(raw)) {
        add(field, 'NOT_A_DATE', `${capital(label)} must be a date written as YYYY-MM-DD.`);
        return '';
      }
      return raw;
    },
    child(field, label) {
      const raw = get(field);
      if (raw !== undefined && !isRecord(raw)) add(field, 'WRONG_TYPE', `${capital(label)} must be a set of answers.`);
      return fieldReader(raw, problems, `${prefix}${field}.`);
    },
    has: (field) => get(field) !== undefined && get(field) !== null,
  };
  if (!isRecord(input) && prefix === '') add('', 'NOT_A_FORM', 'The details could not be read: please fill in the form again.');
  return reader;
}

/** Turns collected problems into a value or a refusal under the first problem's code. `build` is only called when nothing was wrong. */
export function finish<T>(problems: readonly FieldProblem<ProblemCode>[], build: () => T): InputResult<T, ProblemCode, ProblemCode> {
  const first = problems[0];
  return first ? invalidInput(first.code, problems) : { ok: true, value: build() };
}

export function isRealDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}

/** The calendar date of `now` in UTC, as YYYY-MM-DD. */
export function dateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKnown<T extends string>(value: unknown, known: readonly T[]): value is T {
  return typeof value === 'string' && (known as readonly string[]).includes(value);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
