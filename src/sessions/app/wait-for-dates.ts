import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { SYSTEM } from '../../platform/kernel/person.js';
import { addWaiting, hasSessionsAhead, removeWaiting } from '../domain/index.js';
import type { Mentor } from '../../journey/domain/index.js';
import { cohortAudit, mentorSessions } from './cohort-book.js';
import type { CohortDeps } from './cohort-ports.js';

/**
 * What an approved mentor is shown: their sessions, or, when there is nothing to book and no place held, that the next
 * dates are not set yet, with the promise of a message. Keeping that promise means being on the wait: this puts them on
 * it (once), and looks again after, so a cohort opened in between is never missed. Whoever takes a mentor off the wait
 * (this, or opening a cohort, in writes guarded by one etag) is the one that sends the booking card.
 */
export async function sessionsOrWait(deps: CohortDeps, mentor: Pick<Mentor, 'id' | 'name' | 'stage'>): Promise<'sessions' | 'waitingForDates'> {
  if (mentor.stage !== 'approved' || (await anythingAhead(deps, mentor))) return 'sessions';
  const now = deps.clock.now();
  await retryOnConflict(async () => {
    const stored = await deps.cohorts.get();
    const next = addWaiting(stored.value, { mentorId: mentor.id, name: mentor.name, since: now.toISOString() });
    if (!next) return;
    const audit = [cohortAudit(SYSTEM, 'waitForDates', mentor.id, now)];
    await deps.cohorts.save({ value: next, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects: [] });
  });
  if (!(await anythingAhead(deps, mentor))) return 'waitingForDates';
  const tookOff = await retryOnConflict(async () => {
    const stored = await deps.cohorts.get();
    const next = removeWaiting(stored.value, mentor.id);
    if (!next) return false;
    await deps.cohorts.save({ value: next, ...(stored.etag ? { etag: stored.etag } : {}), audit: [cohortAudit(SYSTEM, 'datesSet', mentor.id, now)], effects: [] });
    return true;
  });
  // Not taken off here: a cohort opening took them off and queued their booking card.
  return tookOff ? 'sessions' : 'waitingForDates';
}

async function anythingAhead(deps: CohortDeps, mentor: Pick<Mentor, 'id' | 'stage'>): Promise<boolean> {
  const now = deps.clock.now();
  return hasSessionsAhead(await mentorSessions(deps, now), mentor.id, mentor.stage, now);
}
