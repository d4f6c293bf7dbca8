/** An expected failure: a stable code the adapters can map, and a sentence a person can read. */
export interface DomainError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

export type Result<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DomainError<Code> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(code: Code, message: string): { ok: false; error: DomainError<Code> } {
  return { ok: false, error: { code, message } };
}
