import type { DomainError } from '../../platform/kernel/result.js';
import type { FreeTextCode } from '../../platform/kernel/text/index.js';

/** One thing wrong with one field of a form, so a card can show it next to the field. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface InvalidInputError<Code extends string> extends DomainError<Code> {
  readonly problems: readonly FieldProblem[];
}

/** A parsed form's value, or every problem with it. */
export type InputResult<T, Code extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: InvalidInputError<Code> };

export function invalidInput<Code extends string>(
  code: Code,
  problems: readonly FieldProblem[],
): { ok: false; error: InvalidInputError<Code> } {
  return { ok: false, error: { code, message: problems.map((problem) => problem.message).join(' '), problems } };
}

export function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}

const TEXT_SUFFIXES: Record<FreeTextCode, string> = {
  TEXT_MISSING: 'REQUIRED',
  TEXT_NOT_TEXT: 'NOT_TEXT',
  TEXT_DIRECTION_CONTROL: 'NOT_PLAIN',
  TEXT_NOT_PLAIN: 'NOT_PLAIN',
  TEXT_TOO_LONG: 'TOO_LONG',
};

/** A free-text refusal under the form's own codes: TITLE_REQUIRED, VENUE_TOO_LONG. */
export function textProblem(field: string, codePrefix: string, error: DomainError<FreeTextCode>): FieldProblem {
  return problem(field, `${codePrefix}_${TEXT_SUFFIXES[error.code]}`, error.message);
}
