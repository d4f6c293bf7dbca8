import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cohortSessionDrafts, type CohortConfig, type SessionDraft } from './domain/index.js';

const monthDay = z.string().regex(/^\d{2}-\d{2}$/, 'must be MM-DD, such as 11-30');
const clock = z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm, such as 09:30');
const range = z.object({ start: clock, end: clock }).strict();

const schemeSchema = z
  .object({
    $comment: z.string().optional(),
    cohort: z
      .object({
        year: z.number().int().min(2000).max(2999),
        informationSessionDate: monthDay.optional(),
        trainingDate: monthDay.optional(),
        times: z.object({ informationSession: range.optional(), training: range.optional() }).strict().optional(),
        location: z.discriminatedUnion('type', [
          z.object({ type: z.literal('online') }).strict(),
          z.object({ type: z.literal('inPerson'), venue: z.string().min(1).max(200) }).strict(),
        ]),
        seats: z.number().int().min(1).max(500),
        timeZone: z.string().optional(),
        bookingClosesHoursBefore: z.number().min(0).max(24 * 60).optional(),
      })
      .strict(),
  })
  .strict();

export type SchemeConfig = z.infer<typeof schemeSchema>;

export class SchemeConfigError extends Error {}

/** Reads and checks the scheme configuration file; anything wrong stops start-up with one line saying what. */
export function loadSchemeConfig(file: string, yearOverride?: number): { config: SchemeConfig; cohort: readonly SessionDraft[]; year: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SchemeConfigError(`Scheme configuration ${file} could not be read as JSON: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SchemeConfigError(`Scheme configuration ${file}: ${issue?.path.join('.') || 'the file'} ${issue?.message ?? 'is invalid'}`);
  }
  const cohortConfig = { ...parsed.data.cohort, ...(yearOverride ? { year: yearOverride } : {}) } as CohortConfig;
  const drafts = cohortSessionDrafts(cohortConfig);
  if (!drafts.ok) throw new SchemeConfigError(`Scheme configuration ${file}: ${drafts.error.message}`);
  return { config: parsed.data, cohort: drafts.value, year: cohortConfig.year };
}
