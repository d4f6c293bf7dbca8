import type { MentorStore } from './ports.js';
import type { Clock, Directory, SchemeRoles } from '../../platform/app/ports.js';
import type { RestrictedPeople } from '../../platform/app/restricted-people.js';

/** What the mentor-journey use cases need; main.ts builds it. */
export interface JourneyDeps {
  readonly mentors: MentorStore;
  readonly directory: Directory;
  readonly roles: SchemeRoles;
  readonly clock: Clock;
  /**
   * People whose records are restricted (docs/privacy.md): no reminders or approvals about them, left out of every
   * capability's lists, every action on them refused. Every capability's deps stand on these, so none can forget it.
   */
  readonly restricted: RestrictedPeople;
}
