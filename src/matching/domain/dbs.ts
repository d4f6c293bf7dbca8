import type { PersonRef } from '../../platform/kernel/person.js';
import { dateOf, fieldReader, finish, type ProblemCode } from './field-reader.js';
import type { InputResult } from '../../platform/kernel/validation/index.js';

/** An enhanced DBS check recorded by the coordinator (report 13.2). */
export interface DbsRecord {
  readonly checkedOn: string;
  readonly certificateReference: string;
  /** On the DBS update service, so the certificate is kept current without a new check. */
  readonly updateService: boolean;
  readonly recordedBy?: PersonRef;
  readonly recordedAt?: string;
}

export const DBS_CERTIFICATE_PATTERN = /^\d{12}$/;

export function parseDbsRecord(input: unknown, now: Date): InputResult<DbsRecord, ProblemCode, ProblemCode> {
  const form = fieldReader(input);
  const checkedOn = form.date('checkedOn', 'the date of the check');
  const certificateReference = form.text('certificateReference', 'the certificate number', {
    max: 12,
    pattern: DBS_CERTIFICATE_PATTERN,
    patternHint: 'must be the 12 digits printed on the certificate',
  });
  const updateService = form.boolean('updateService', 'whether the certificate is on the update service');
  if (checkedOn && checkedOn > dateOf(now)) {
    form.problems.push({ field: 'checkedOn', code: 'DATE_IN_FUTURE', message: 'The date of the check cannot be in the future.' });
  }
  return finish(form.problems, () => ({ checkedOn, certificateReference, updateService }));
}

export function recordDbs(record: DbsRecord, by: PersonRef, now: Date): DbsRecord {
  return { ...record, recordedBy: by, recordedAt: now.toISOString() };
}

export type DbsStatus = 'cleared' | 'expired' | 'missing';

/** Without the update service a check counts for `renewAfterMonths` (the council's policy); with it, it stays current. */
export function dbsStatus(record: DbsRecord | undefined, renewAfterMonths: number, now: Date): DbsStatus {
  if (!record) return 'missing';
  if (record.updateService) return 'cleared';
  return addMonths(record.checkedOn, renewAfterMonths) > dateOf(now) ? 'cleared' : 'expired';
}

/** The date a check must be renewed by; none on the update service (it stays current). */
export function dbsRenewsOn(record: DbsRecord | undefined, renewAfterMonths: number): string | undefined {
  return record && !record.updateService ? addMonths(record.checkedOn, renewAfterMonths) : undefined;
}

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return dateOf(date);
}
