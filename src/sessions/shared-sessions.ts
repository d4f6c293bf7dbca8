import { sharedJourney } from '../journey/index.js';
import type { TableClient } from '@azure/data-tables';
import { RecentSessions } from './app/recent-sessions.js';
import type { SessionDeps } from './app/session-deps.js';
import { SessionWriter } from './app/session-writer.js';
import type { FeatureContext } from '../platform/feature.js';
import { SessionRepository } from './store/session.repository.js';

export interface SharedSessions {
  readonly deps: SessionDeps;
  /** The Sessions table, which holds the sessions' outbox rows. */
  readonly table: TableClient;
}

const opened = new WeakMap<FeatureContext, Promise<SharedSessions>>();

/**
 * The one session store, writer and card cache of this bot, shared by every feature that books seats (the sessions
 * feature, and broadcasts for supervision RSVPs), so bookings made through either are grouped and seen on cards at once.
 */
export function sharedSessions(context: FeatureContext): Promise<SharedSessions> {
  let shared = opened.get(context);
  if (!shared) {
    shared = open(context);
    opened.set(context, shared);
  }
  return shared;
}

async function open(context: FeatureContext): Promise<SharedSessions> {
  const journey = await sharedJourney(context);
  const now = (): Date => journey.clock.now();
  const table = await context.openTable('Sessions');
  const recent = new RecentSessions(new SessionRepository(table, context.queue, now));
  const sessions = recent.tracking;
  return { table, deps: { ...journey, sessions, sessionWriter: new SessionWriter(sessions, journey.clock), recent } };
}
