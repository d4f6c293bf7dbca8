import type { PersonRef } from '../../platform/kernel/person.js';
import type { AuditEntry } from '../../platform/app/ports.js';
import type { Session } from '../domain/index.js';
import type { SessionDeps } from './session-deps.js';

/** The mentors' sessions (information session and training) as stored: the ones every cohort decision reads. */
export async function mentorSessions(deps: Pick<SessionDeps, 'sessions'>, now: Date): Promise<Session[]> {
  const sessions: Session[] = [];
  for await (const stored of deps.sessions.list({ kinds: MENTOR_KINDS, endingAfter: new Date(now.getTime() - KEEP_MS) })) sessions.push(stored.session);
  return sessions;
}

export const MENTOR_KINDS: ReadonlySet<Session['kind']> = new Set(['informationSession', 'training']);
const KEEP_MS = 45 * 86_400_000;

export function cohortAudit(actor: PersonRef, action: string, subjectId: string, now: Date, detail?: string): AuditEntry {
  return { at: now.toISOString(), actor, action, subjectId, ...(detail ? { detail } : {}) };
}
