import type { DomainError } from '../../platform/kernel/result.js';

/** One thing wrong with one field of a form, so a card can show it next to the field. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface InvalidInputError<Code extends string> extends DomainError<Code> {
  readonly problems: readonly FieldProblem[];
}

export function invalidInput<Code extends string>(
  code: Code,
  problems: readonly FieldProblem[],
): { ok: false; error: InvalidInputError<Code> } {
  return { ok: false, error: { code, message: problems.map((problem) => problem.message).join(' '), problems } };
}

export function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}
