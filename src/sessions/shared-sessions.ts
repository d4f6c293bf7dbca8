import { sharedJourney } from '../journey/index.js';
import type { TableClient } from '@azure/data-tables';
import { RecentSessions } from './app/recent-sessions.js';
import type { SessionDeps } from './app/session-deps.js';
import { SessionWriter } from './app/session-writer.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { SessionRepository } from './store/session.repository.js';

export interface SharedSessions {
  readonly deps: SessionDeps;
  /** The Sessions table, which holds the sessions' outbox rows. */
  readonly table: TableClient;
}

/**
 * The one session store, writer and card cache of this bot, shared by every feature that books seats (the sessions
 * feature, and broadcasts for supervision RSVPs), so bookings made through either are grouped and seen on cards at once.
 */
export const sharedSessions: (context: FeatureContext) => Promise<SharedSessions> = onePerBot(open);

async function open(context: FeatureContext): Promise<SharedSessions> {
  const journey = await sharedJourney(context);
  const now = (): Date => journey.clock.now();
  const table = await context.openTable('Sessions');
  const recent = new RecentSessions(new SessionRepository(table, context.queue, now));
  const sessions = recent.tracking;
  return { table, deps: { ...journey, sessions, sessionWriter: new SessionWriter(sessions, journey.clock), recent } };
}
