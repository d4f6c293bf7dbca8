import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { anyBookable, cohortFormDefaults, cohortStatus, type Cohort, type CohortFormValues, type CohortStatus, type Session, type WaitingForDates } from '../domain/index.js';
import { mentorSessions } from './cohort-book.js';
import type { CohortDeps } from './cohort-ports.js';

export interface CohortOverview {
  /** Newest first. */
  readonly cohorts: ReadonlyArray<{ readonly cohort: Cohort; readonly status: CohortStatus; readonly sessions: readonly Session[] }>;
  readonly waitingForDates: readonly WaitingForDates[];
  /** True when an approved mentor can book an information session or training now. */
  readonly anyOpen: boolean;
}

/** The coordinator's view of the cohorts: each with its sessions and status, and who waits for the next dates. */
export async function cohortOverview(deps: CohortDeps, actor: PersonRef): Promise<Result<CohortOverview, 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  return ok(await overview(deps));
}

export async function overview(deps: CohortDeps): Promise<CohortOverview> {
  const now = deps.clock.now();
  const [book, sessions] = await Promise.all([deps.cohorts.get(), mentorSessions(deps, now)]);
  // Each cohort's own sessions by id, so a cohort years past still shows its dates (a few rows a year).
  const cohorts = await Promise.all(
    [...book.value.cohorts].reverse().map(async (cohort) => {
      const own = (await Promise.all(cohort.sessionIds.map((id) => deps.sessions.get(id)))).flatMap((stored) => (stored ? [stored.session] : []));
      return { cohort, status: cohortStatus(cohort, own, now), sessions: own };
    }),
  );
  const anyOpen = anyBookable(sessions, now);
  return { cohorts, waitingForDates: book.value.waitingForDates, anyOpen };
}

/** The "open the next cohort" form's starting values (the scheme file's defaults, the first free year ahead). */
export async function openCohortForm(deps: CohortDeps, actor: PersonRef): Promise<Result<CohortFormValues, 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  return ok(cohortFormDefaults(deps.cohortDefaults, (await deps.cohorts.get()).value, deps.clock.now()));
}
