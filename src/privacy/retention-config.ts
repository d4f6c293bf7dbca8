import { z } from 'zod';
import { ConfigError } from '../config.js';
import { DEFAULT_RETENTION, RECORD_CLASSES, type RetentionSchedule } from './domain/index.js';

const period = z.object(
  {
  months: z.number({ required_error: 'months is required (a whole number from 1 to 1200)', invalid_type_error: 'months must be a whole number from 1 to 1200' }).int('months must be a whole number from 1 to 1200').min(1, 'months must be a whole number from 1 to 1200').max(1200, 'months must be a whole number from 1 to 1200'),
  toYearEnd: z.boolean({ invalid_type_error: 'toYearEnd must be true or false' }).optional(),
  },
  { invalid_type_error: 'must be an object such as {"months":24}' },
);
const overrides = z.object(Object.fromEntries(RECORD_CLASSES.map((recordClass) => [recordClass, period.optional()])) as Record<(typeof RECORD_CLASSES)[number], z.ZodOptional<typeof period>>, { invalid_type_error: 'must be a JSON object naming classes of record' }).strict();

/**
 * RETENTION_SCHEDULE: JSON naming the classes whose period differs from the defaults, e.g.
 * {"meetingLog":{"months":36},"refreshmentClaim":{"months":72,"toYearEnd":true}}. Checked at start; a bad value stops
 * the bot with one line saying what is wrong.
 */
export function retentionSchedule(raw: string | undefined): RetentionSchedule {
  if (!raw) return DEFAULT_RETENTION;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('Configuration error: RETENTION_SCHEDULE must be JSON, e.g. {"meetingLog":{"months":36}}');
  }
  const parsed = overrides.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the schedule';
    const message = issue?.code === 'unrecognized_keys' ? `names an unknown class of record (the classes: ${RECORD_CLASSES.join(', ')})` : (issue?.message ?? 'is invalid');
    throw new ConfigError(`Configuration error: RETENTION_SCHEDULE ${where} ${message}`);
  }
  const schedule = { ...DEFAULT_RETENTION };
  for (const recordClass of RECORD_CLASSES) {
    const given = parsed.data[recordClass];
    if (given) schedule[recordClass] = { months: given.months, ...(given.toYearEnd ? { toYearEnd: true } : {}) };
  }
  return schedule;
}
