import type { MentorStore } from './ports.js';
import type { Clock, Directory, SchemeRoles } from '../../platform/app/ports.js';

/** What the mentor-journey use cases need; main.ts builds it. */
export interface JourneyDeps {
  readonly mentors: MentorStore;
  readonly directory: Directory;
  readonly roles: SchemeRoles;
  readonly clock: Clock;
}
