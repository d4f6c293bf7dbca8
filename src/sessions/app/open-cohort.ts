import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { FieldProblem } from '../../platform/kernel/validation/index.js';
import { addCohort, parseCohortForm, type Cohort, type SessionDraft } from '../domain/index.js';
import type { Effect } from '../../platform/app/ports.js';
import { cohortAudit } from './cohort-book.js';
import type { CohortDeps } from './cohort-ports.js';
import { seedSession } from './create-session.js';

export type OpenCohortResult =
  | { readonly ok: true; readonly value: { readonly cohort: Cohort; readonly offered: number } }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly problems: readonly FieldProblem[] } };

/**
 * The coordinator opens the next cohort: its two sessions are stored first (stable ids, so a retry finds them), then the
 * cohort is added to the book in one write that takes everyone waiting for dates off the wait and queues each their
 * booking card (one effect id per cohort and mentor: sent once however often this runs).
 */
export async function openCohort(deps: CohortDeps, actor: PersonRef, input: unknown): Promise<OpenCohortResult> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return { ok: false, error: { ...allowed.error, problems: [] } };
  const now = deps.clock.now();
  const parsed = parseCohortForm(input, { now, timeZone: deps.timeZone, book: (await deps.cohorts.get()).value });
  if (!parsed.ok) return parsed;
  const { id, name, drafts } = parsed.value;
  // Sessions of that name may be left from before cohorts were kept (seeded from the scheme file): never reuse them.
  const taken = await Promise.all(drafts.map((draft) => deps.sessions.get(draft.id)));
  if (taken.some(Boolean)) {
    const message = `There are already sessions for "${name}". Please give the new cohort another name.`;
    return { ok: false, error: { code: 'INVALID_COHORT', message, problems: [{ field: 'name', code: 'COHORT_EXISTS', message }] } };
  }
  return storeCohort(deps, actor, { id, name, drafts }, now);
}

/** Stores a cohort's sessions and adds it to the book; also how the scheme file's cohort is seeded at start. */
export async function storeCohort(
  deps: CohortDeps,
  actor: PersonRef,
  cohort: { readonly id: string; readonly name: string; readonly drafts: readonly SessionDraft[] },
  now: Date,
): Promise<OpenCohortResult> {
  for (const draft of cohort.drafts) await seedSession(deps, actor, draft);
  return retryOnConflict(async () => {
    const stored = await deps.cohorts.get();
    const opened: Cohort = { id: cohort.id, name: cohort.name, sessionIds: cohort.drafts.map((d) => d.id), openedAt: now.toISOString(), openedBy: actor };
    const added = addCohort(stored.value, opened);
    if (!added.ok) return { ok: false, error: { ...added.error, problems: [{ field: 'name', ...added.error }] } };
    const effects: Effect[] = added.value.offered.map((waiting) => ({
      id: `${cohort.id}.offer.${waiting.mentorId}`,
      recipientId: waiting.mentorId,
      message: { type: 'cohortOffer', cohortId: cohort.id, mentorId: waiting.mentorId },
    }));
    const audit = [cohortAudit(actor, 'openCohort', cohort.id, now, `OFFERED_${effects.length}`)];
    await deps.cohorts.save({ value: added.value.book, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects });
    return { ok: true, value: { cohort: opened, offered: effects.length } };
  });
}
