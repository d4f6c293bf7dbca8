import type { Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { AuditEntry } from '../../platform/app/ports.js';

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

