import { z } from 'zod';

/** Free text from a card: trimmed, bounded, no control characters other than line breaks. */
export function boundedText(label: string, max: number) {
  return z
    .string({ required_error: `${label} is required.`, invalid_type_error: `${label} must be text.` })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required.`)
        .max(max, `${label} must be at most ${max} characters.`)
        .refine((value) => !/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/.test(value), `${label} contains characters that are not allowed.`),
    );
}

/** Input.Toggle sends "true"/"false" strings; accept booleans too. */
export function toggle(label: string) {
  return z
    .union([z.boolean(), z.enum(['true', 'false'])], { errorMap: () => ({ message: `${label} must be ticked or not.` }) })
    .transform((value) => value === true || value === 'true');
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown): ParseResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'The form could not be read.' };
}
