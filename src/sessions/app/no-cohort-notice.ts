import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Effect } from '../../platform/app/ports.js';
import { SYSTEM } from '../../platform/kernel/person.js';
import { anyBookable, noCohortNoticeDue } from '../domain/index.js';
import { cohortAudit, mentorSessions } from './cohort-book.js';
import type { CohortDeps } from './cohort-ports.js';

/**
 * When nothing can be booked (at start, and on every scheduler tick after the open cohort's booking has closed), each
 * coordinator is sent one card asking them to open the next cohort: once per gap. The mark that they were told and
 * their cards are one write guarded by the cohort book's etag, so a restart, a second instance running the same job at
 * the same moment, or a repeat finds the mark and sends nothing more. Returns how many coordinators were told.
 */
export async function tellCoordinatorsNoCohortOpen(deps: CohortDeps): Promise<number> {
  const now = deps.clock.now();
  const sessions = await mentorSessions(deps, now);
  if (anyBookable(sessions, now)) return 0;
  return retryOnConflict(async () => {
    const stored = await deps.cohorts.get();
    if (!noCohortNoticeDue(stored.value, sessions, now)) return 0;
    const at = now.toISOString();
    const effects: Effect[] = deps.roles.coordinators.map((coordinator) => ({
      id: `noCohortOpen.${at}.${coordinator.id}`,
      recipientId: coordinator.id,
      message: { type: 'noCohortOpen', since: at },
    }));
    const audit = [cohortAudit(SYSTEM, 'noCohortOpenNotice', 'cohorts', now, `COORDINATORS_${effects.length}`)];
    await deps.cohorts.save({ value: { ...stored.value, noCohortNoticeAt: at }, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects });
    return effects.length;
  });
}
