import type { JourneyDeps } from '../deps.js';
import type { KeyedQueue } from './keyed-queue.js';
import type { SessionStore } from './session-ports.js';

/** What the session use cases need: the mentor journey's parts and the session store. */
export interface SessionDeps extends JourneyDeps {
  readonly sessions: SessionStore;
  /** Bookings on one session through this instance wait their turn instead of colliding (optional: etags decide). */
  readonly sessionQueue?: KeyedQueue;
}
