import { sharedJourney } from '../journey/index.js';
import { restrictedPeople } from '../privacy/index.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { GraphGroupMembers, ListedGroupMembers } from '../platform/directory/group-members.gateway.js';
import { LocalDirectory } from '../platform/directory/local-directory.js';
import { sharedSessions, type SessionDeps } from '../sessions/index.js';
import type { Session } from '../sessions/domain/index.js';
import type { SessionSummary } from './app/broadcast.js';
import type { CoordinatorBroadcastDeps } from './app/coordinator-broadcasts.js';
import type { SessionCatalog } from './app/ports.js';
import { BroadcastQueue } from './store/broadcast-queue.js';
import { BroadcastRepository } from './store/broadcast.repository.js';
import { SupervisionRepository } from './store/supervision.repository.js';

export interface SharedBroadcast {
  readonly broadcasts: BroadcastRepository;
  readonly queue: BroadcastQueue;
  readonly supervision: SupervisionRepository;
  /** What the coordinators' broadcast use cases need: the chat's cards and the workspace share it. */
  readonly desk: CoordinatorBroadcastDeps;
  /** Whether groups can be chosen as an audience (Graph configured with eligible groups, or the local directory). */
  readonly groupsConfigured: boolean;
}

/**
 * The broadcast store, its fan-out queue and the coordinators' use cases' needs, once per bot: the broadcast feature
 * (cards, worker) and the workspace (the Broadcasts view) read and retry the same rows through the same use cases.
 */
export const sharedBroadcast: (context: FeatureContext) => Promise<SharedBroadcast> = onePerBot(open);

async function open(context: FeatureContext): Promise<SharedBroadcast> {
  const { config } = context;
  const journey = await sharedJourney(context);
  const broadcasts = new BroadcastRepository(await context.openTable('Broadcasts'));
  const supervision = new SupervisionRepository(await context.openTable('Supervision'));
  const queueClient = context.storage.queue(`${config.TABLE_PREFIX.toLowerCase()}-broadcast`);
  await queueClient.createIfNotExists();
  const queue = new BroadcastQueue(queueClient);
  const groups = context.graph
    ? new GraphGroupMembers(context.graph)
    : new ListedGroupMembers(LocalDirectory.load(config.LOCAL_DIRECTORY_FILE).file.people.map(({ id, name }) => ({ id, name })));
  const eligibleGroupIds = context.graph ? config.BROADCAST_GROUP_IDS : ['local-directory'];
  // The sessions feature's store (same table): invitations can be to its sessions, and the quarter's supervision is
  // one of its sessions too, so Attend books a seat and its calendar event follows the bookings.
  const { deps: sessionDeps } = await sharedSessions(context);
  const now = () => journey.clock.now();
  const sessions: SessionCatalog = {
    upcoming: async (at) => [...(await supervision.upcoming(at)), ...(await bookableSessions(sessionDeps, at))].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    get: async (id) => (await supervision.get(id)) ?? (await bookableSessions(sessionDeps, now())).find((session) => session.id === id),
  };
  const restricted = await restrictedPeople(context);
  return {
    broadcasts,
    queue,
    supervision,
    groupsConfigured: eligibleGroupIds.length > 0,
    desk: {
      roles: journey.roles,
      clock: journey.clock,
      directory: journey.directory,
      broadcasts,
      queue,
      audience: { mentors: journey.mentors, directory: journey.directory, groups, eligibleGroupIds, restricted },
      sessions,
      answers: { answersTo: (sessionId) => answersTo(sessionDeps, sessionId) },
    },
  };
}

/** Who booked (a place or the waiting list) and who said they can't make it, as the session holds them now. */
async function answersTo(deps: SessionDeps, sessionId: string): Promise<{ booked: string[]; declined: string[] } | undefined> {
  const stored = await deps.sessions.get(sessionId);
  if (!stored) return undefined;
  const { bookings, declined } = stored.session;
  return { booked: bookings.filter((b) => b.status !== 'cancelled').map((b) => b.personId), declined: (declined ?? []).map((d) => d.personId) };
}

/** Sessions people can book (the sessions feature's), as invitations show them; supervision has its own answers. */
async function bookableSessions(deps: SessionDeps, now: Date): Promise<SessionSummary[]> {
  const found: SessionSummary[] = [];
  for await (const { session } of deps.sessions.list()) {
    if (session.kind === 'supervision' || session.cancelledAt || Date.parse(session.startsAt) <= now.getTime()) continue;
    found.push(summaryOf(session));
  }
  return found;
}

function summaryOf(session: Session): SessionSummary {
  const where = session.location.type === 'online' ? 'Online, in Microsoft Teams' : session.location.venue;
  return { id: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, timeZone: session.timeZone, where, answer: 'book' };
}
