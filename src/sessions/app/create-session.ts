import { randomUUID } from 'node:crypto';
import { openSession, parseNewSession, type NewSessionInput, type Session, type SessionDraft } from '../domain/index.js';
import type { InputResult } from '../../platform/kernel/validation/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { ConcurrencyError } from '../../platform/app/ports.js';
import { bookingAudit } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';

export type CreateResult = InputResult<Session>;

/** The coordinator's `new session` form; bad input comes back with what is wrong and nothing is stored. */
export async function createSession(deps: SessionDeps, actor: PersonRef, input: NewSessionInput, defaultTimeZone: string): Promise<CreateResult> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return { ok: false, error: { ...allowed.error, problems: [] } };
  const now = deps.clock.now();
  const parsed = parseNewSession(input, { id: `session-${randomUUID()}`, now, defaultTimeZone });
  if (!parsed.ok) return parsed;
  const session = openSession(parsed.value);
  await deps.sessions.save({ session, version: 1, audit: [bookingAudit(actor, 'createSession', session, now)], effects: [] });
  return { ok: true, value: session };
}

/** Stores a draft unless a session with its id exists: cohort ids are stable, so seeding twice creates nothing new. */
export async function seedSession(deps: SessionDeps, actor: PersonRef, draft: SessionDraft): Promise<'created' | 'existed'> {
  if (await deps.sessions.get(draft.id)) return 'existed';
  const session = openSession(draft);
  try {
    await deps.sessions.save({ session, version: 1, audit: [bookingAudit(actor, 'seedSession', session, deps.clock.now())], effects: [] });
    return 'created';
  } catch (error) {
    if (error instanceof ConcurrencyError) return 'existed';
    throw error;
  }
}
