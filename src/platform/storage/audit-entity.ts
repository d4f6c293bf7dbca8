import { randomUUID } from 'node:crypto';
import type { TableEntity } from '@azure/data-tables';
import type { AuditEntry } from '../app/ports.js';

export const AUDIT_PREFIX = 'audit|';

/** Audit rows sort by time within the subject's partition; the random tail keeps two entries in one millisecond apart. */
export function auditEntity(partitionKey: string, entry: AuditEntry, index: number): TableEntity {
  return {
    partitionKey,
    // randomUUID draws on a cached entropy pool; randomBytes asks the kernel each time, a millisecond under load here.
    rowKey: `${AUDIT_PREFIX}${entry.at}|${index}|${randomUUID().slice(0, 8)}`,
    at: entry.at,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    subjectId: entry.subjectId,
    fromStage: entry.fromStage ?? '',
    toStage: entry.toStage ?? '',
    detail: entry.detail ?? '',
  };
}
