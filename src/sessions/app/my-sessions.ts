import type { PersonRef } from '../../platform/kernel/person.js';
import { upcomingBookings, type UpcomingBooking } from '../domain/index.js';
import type { SessionDeps } from './session-deps.js';
import { sessionViews } from './session-views.js';

/** The places the person holds on sessions still to come (their own page in the workspace): nobody else's. */
export async function mySessions(deps: SessionDeps, actor: PersonRef): Promise<UpcomingBooking[]> {
  const now = deps.clock.now();
  const views = await sessionViews(deps, now);
  return upcomingBookings(
    views.map((view) => view.session),
    actor.id,
    now,
  );
}
