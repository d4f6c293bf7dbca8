import { SYSTEM } from '../../platform/kernel/person.js';
import { cohortIdFor, cohortName, type SessionDraft } from '../domain/index.js';
import type { CohortDeps } from './cohort-ports.js';
import { storeCohort } from './open-cohort.js';

/**
 * At start: the scheme file's cohort is opened only while it can still be booked, so a newcomer is never offered dates
 * in the past. Anything else opens nothing (a coordinator opens the next cohort from Teams).
 */
export async function seedSchemeCohort(deps: CohortDeps, year: number, drafts: readonly SessionDraft[]): Promise<'opened' | 'existed' | 'past'> {
  const now = deps.clock.now();
  if (!drafts.some((draft) => now < new Date(draft.bookingClosesAt))) return 'past';
  const name = cohortName(year);
  const stored = await storeCohort(deps, SYSTEM, { id: cohortIdFor(name), name, drafts }, now);
  return stored.ok ? 'opened' : 'existed';
}
