import type { z } from 'zod';
import { unreadableInput, type InputResult } from '../kernel/validation/index.js';

/**
 * Checks a card's shape with a schema. The schema's own messages are the validation library's words, so they never
 * reach a person: any refusal is `refusal`, a sentence in the product's words, under the code UNREADABLE.
 */
export function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown, refusal: string): InputResult<T, 'UNREADABLE'> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : unreadableInput('UNREADABLE', refusal);
}
