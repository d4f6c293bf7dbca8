import type { JourneyDeps } from '../../journey/index.js';
import type { RecentSessions } from './recent-sessions.js';
import type { SessionStore } from './session-ports.js';
import { SessionWriter } from './session-writer.js';

/** What the session use cases need: the mentor journey's parts and the session store. */
export interface SessionDeps extends JourneyDeps {
  readonly sessions: SessionStore;
  /** Bookings on one session through this instance are written together (optional: etags alone keep the rules). */
  readonly sessionWriter?: SessionWriter;
  /** Sessions for showing on cards, read at most a moment ago (optional: cards then read the store). */
  readonly recent?: RecentSessions;
}

/** The instance's shared writer, or a writer of its own for this one call (no grouping, no remembered state). */
export function writerFor(deps: SessionDeps): SessionWriter {
  return deps.sessionWriter ?? new SessionWriter(deps.sessions, deps.clock);
}
