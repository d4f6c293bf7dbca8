import type { UndeliveredStore } from '../../platform/delivery/undelivered/undelivered.js';
import type { Logger } from '../../log.js';
import type { JourneyDeps } from '../app/journey-deps.js';

/** What the journey's handlers need: its use cases' parts, the log, and (for a coordinator's help) what was not delivered. */
export interface JourneyTeamsDeps {
  readonly journey: JourneyDeps;
  readonly log: Logger;
  readonly undelivered: UndeliveredStore;
}
