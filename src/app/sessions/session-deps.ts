import type { JourneyDeps } from '../deps.js';
import type { SessionStore } from './session-ports.js';

/** What the session use cases need: the mentor journey's parts and the session store. */
export interface SessionDeps extends JourneyDeps {
  readonly sessions: SessionStore;
}
