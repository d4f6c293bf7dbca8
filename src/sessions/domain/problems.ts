import type { DomainError } from '../../platform/kernel/result.js';
import type { FreeTextCode } from '../../platform/kernel/text/index.js';
import { problem, type FieldProblem } from '../../platform/kernel/validation/index.js';

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
