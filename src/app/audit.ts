import type { Mentor } from '../domain/mentor/index.js';
import type { PersonRef } from '../domain/person.js';
import type { AuditEntry } from './ports.js';

export function stageChange(actor: PersonRef, action: string, before: Mentor | undefined, after: Mentor, now: Date): AuditEntry {
  return {
    at: now.toISOString(),
    actor,
    action,
    subjectId: after.id,
    ...(before ? { fromStage: before.stage } : {}),
    toStage: after.stage,
  };
}

export const SYSTEM: PersonRef = { id: 'system', name: 'Mentoring scheme bot' };
