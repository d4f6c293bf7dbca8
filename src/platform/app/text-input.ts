import type { z } from 'zod';

/** One thing wrong with one field of a card's form, so the card can show it under that field. */
export interface FormProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A refusal carries the product's own sentence; a form's refusal also names each field that was wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; problems?: readonly FormProblem[] };

/**
 * Checks a card's shape with a schema. The schema's own messages are the validation library's words, so they never
 * reach a person: any refusal is `refusal`, a sentence in the product's words.
 */
export function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown, refusal: string): ParseResult<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: refusal };
}
