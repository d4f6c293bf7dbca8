import type { DomainError } from '../result.js';

/** One thing wrong with one field of a form, so a card can show it under that field. */
export interface FieldProblem<Code extends string = string> {
  readonly field: string;
  readonly code: Code;
  readonly message: string;
}

/**
 * Refused input: a stable code, a sentence that says everything wrong, and each problem under its field for a card to
 * mark. Input refused as a whole (a card that could not be read) names no field: its `problems` are empty.
 */
export interface InvalidInputError<Code extends string = string, ProblemCode extends string = string> extends DomainError<Code> {
  readonly problems: readonly FieldProblem<ProblemCode>[];
}

/** Checked input: the value, or why it was refused. */
export type InputResult<T, Code extends string = string, ProblemCode extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: InvalidInputError<Code, ProblemCode> };

export function problem<Code extends string>(field: string, code: Code, message: string): FieldProblem<Code> {
  return { field, code, message };
}

/** Refuses input for its problems; the message is every problem's sentence in turn. */
export function invalidInput<Code extends string, ProblemCode extends string = string>(
  code: Code,
  problems: readonly FieldProblem<ProblemCode>[],
): { ok: false; error: InvalidInputError<Code, ProblemCode> } {
  return { ok: false, error: { code, message: problems.map((each) => each.message).join(' '), problems } };
}

/** Refuses input as a whole, in one sentence, with no field to mark. */
export function unreadableInput<Code extends string>(code: Code, message: string): { ok: false; error: InvalidInputError<Code, never> } {
  return { ok: false, error: { code, message, problems: [] } };
}
