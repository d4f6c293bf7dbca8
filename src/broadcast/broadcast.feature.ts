import { BROADCAST_VERBS } from './teams/broadcast.verbs.js';
import { sharedJourney } from '../journey/index.js';
import { restrictedPeople } from '../privacy/index.js';
import { SYSTEM } from '../platform/kernel/person.js';
import { ConfigError } from '../config.js';
import type { SessionCatalog } from './app/ports.js';
import type { SessionSummary } from './app/broadcast.js';
import { book, SESSION_VERBS } from '../sessions/index.js';
import { cancelMyBooking } from '../sessions/index.js';
import { seedSession } from '../sessions/index.js';
import type { SessionDeps } from '../sessions/index.js';
import { scheduleSupervision, type SupervisionSessions } from './app/supervision/schedule-supervision.js';
import { nextSupervisionFor } from './app/supervision/supervision-status.js';
import { MAX_SEATS, type Session } from '../sessions/domain/index.js';
import { TEAMS_BOT_RATE_LIMITS } from './domain/index.js';
import { checkSupervisionSetting, type SupervisionSetting, type SupervisionSettingInput } from './domain/supervision/index.js';
import type { Feature, FeatureFactory, ScheduledJob } from '../platform/feature.js';
import { GraphGroupMembers, ListedGroupMembers } from '../platform/directory/group-members.gateway.js';
import { LocalDirectory } from '../platform/directory/local-directory.js';
import { BroadcastWorker, DEFAULT_BROADCAST_WORKER_OPTIONS } from './worker/broadcast-worker.js';
import { SendPacer } from '../platform/delivery/send-pacer.js';
import { sharedSessions } from '../sessions/index.js';
import { BroadcastQueue } from './store/broadcast-queue.js';
import { BroadcastRepository } from './store/broadcast.repository.js';
import { WorkerPresenceRepository } from './store/worker-presence.repository.js';
import { CardMessageRepository } from '../platform/storage/card-message.repository.js';
import { SupervisionRepository } from './store/supervision.repository.js';
import { TableLease } from '../platform/storage/table-lease.js';
import { TeamsBroadcastSender } from './teams/broadcast-sender.js';
import { sessionWhen } from './teams/cards/broadcast-message.card.js';
import { supervisionRsvpAction } from './teams/supervision.handler.js';
import { broadcastRoutes } from './teams/broadcast.routes.js';

/** The sessions feature's booking verb: the Book button on a session invitation uses it when that feature runs. */
const BOOK_VERB = SESSION_VERBS.bookSession;
/** And its "Can't make it", beside Book. */
const DECLINE_VERB = SESSION_VERBS.declineSession;

/**
 * Coordinator broadcasts (docs/broadcasts.md) and quarterly group supervision: the `broadcast` command and card, the
 * fan-out queue's worker (in this process, on every instance), its sweeper, and the supervision scheduler (one
 * instance at a time, through a lease in Tables).
 */
export const broadcastFeature: FeatureFactory = async (context): Promise<Feature> => {
  const { config, log } = context;
  const journey = await sharedJourney(context);
  const now = () => journey.clock.now();
  const setting = supervisionSetting(config.SUPERVISION_SCHEDULE);
  const broadcastsTable = await context.openTable('Broadcasts');
  const broadcasts = new BroadcastRepository(broadcastsTable);
  const supervision = new SupervisionRepository(await context.openTable('Supervision'));
  const cardMessages = new CardMessageRepository(await context.openTable('CardMessages'));
  const queueClient = context.storage.queue(`${config.TABLE_PREFIX.toLowerCase()}-broadcast`);
  await queueClient.createIfNotExists();
  const queue = new BroadcastQueue(queueClient);

  let verbs: ReadonlySet<string> | undefined;
  const bookVerb = () => (verbs?.has(BOOK_VERB) ? BOOK_VERB : undefined);
  const declineVerb = () => (verbs?.has(DECLINE_VERB) ? DECLINE_VERB : undefined);
  // Without botbuilder's own retries: the worker's pacer and durable retry see every 429 and 5xx (docs/broadcasts.md).
  const sender = new TeamsBroadcastSender(context.transport.withoutBuiltInRetries(), journey.directory, bookVerb, declineVerb);
  const pacer = new SendPacer({ ...TEAMS_BOT_RATE_LIMITS, perTenant: [{ count: config.BROADCAST_TENANT_PER_SECOND, windowMs: 1_000 }] }, undefined, now);
  const options = {
    ...DEFAULT_BROADCAST_WORKER_OPTIONS,
    concurrency: config.BROADCAST_CONCURRENCY,
    claimMs: config.BROADCAST_CLAIM_SECONDS * 1000,
    visibilitySeconds: config.BROADCAST_VISIBILITY_SECONDS,
    pollMs: config.WORKER_POLL_MS,
    progressEveryMs: config.BROADCAST_PROGRESS_MS,
    // Liveness is checked as often as a stopped worker's messages come back, so the survivors' share grows as fast.
    heartbeatMs: Math.min(DEFAULT_BROADCAST_WORKER_OPTIONS.heartbeatMs, (config.BROADCAST_VISIBILITY_SECONDS * 1000) / 2),
    retry: { ...DEFAULT_BROADCAST_WORKER_OPTIONS.retry, baseDelayMs: config.BROADCAST_RETRY_BASE_MS },
  };
  const worker = new BroadcastWorker({ broadcasts, presence: new WorkerPresenceRepository(broadcastsTable), queue, sender, pacer, log, now }, options);
  if (context.delivers) worker.start();

  const groups = context.graph
    ? new GraphGroupMembers(context.graph)
    : new ListedGroupMembers(LocalDirectory.load(config.LOCAL_DIRECTORY_FILE).file.people.map(({ id, name }) => ({ id, name })));
  const eligibleGroupIds = context.graph ? config.BROADCAST_GROUP_IDS : ['local-directory'];
  // The sessions feature's store (same table): invitations can be to its sessions, and the quarter's supervision is
  // one of its sessions too, so Attend books a seat and its calendar event follows the bookings.
  const { deps: sessionDeps } = await sharedSessions(context);
  const sessions: SessionCatalog = {
    upcoming: async (at) => [...(await supervision.upcoming(at)), ...(await bookableSessions(sessionDeps, at))].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    get: async (id) => (await supervision.get(id)) ?? (await bookableSessions(sessionDeps, now())).find((session) => session.id === id),
  };
  const supervisionSessions: SupervisionSessions = {
    create: async (session, at) => {
      await seedSession(sessionDeps, SYSTEM, supervisionDraft(session));
      return supervision.create(session, at);
    },
    get: (id) => supervision.get(id),
  };
  const bookings = {
    attend: async (actor: { id: string; name: string }, sessionId: string) => {
      const booked = await book(sessionDeps, actor, sessionId);
      return booked.ok ? { ok: true as const } : { ok: false as const, message: booked.error.message };
    },
    decline: async (actor: { id: string; name: string }, sessionId: string) => {
      await cancelMyBooking(sessionDeps, actor, sessionId); // not booked: nothing to give back
    },
  };

  const jobs: ScheduledJob[] = [
    { name: 'broadcastSweep', everyMs: config.OUTBOX_SWEEP_SECONDS * 1000, run: () => worker.sweep(Math.max(options.claimMs, options.visibilitySeconds * 1000) * 3) },
  ];
  const restricted = await restrictedPeople(context);
  if (setting) {
    const lease = new TableLease(await context.openTable('Leases'), 'supervisionScheduler', worker.instanceId, config.SCHEDULER_INTERVAL_SECONDS * 2000, now);
    const deps = { setting, sessions: supervisionSessions, mentors: journey.mentors, broadcasts, queue, lease, now, touch: (id: string) => worker.touch(id) };
    jobs.push({ name: 'supervisionSchedule', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => scheduleSupervision(deps) });
  }

  return {
    routes: (registry) => {
      verbs = registry.verbs;
      broadcastRoutes(registry, {
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
        groupsConfigured: eligibleGroupIds.length > 0,
        cardMessages,
        bookVerb,
        touch: (id) => worker.touch(id),
        log,
      });
      registry.action(BROADCAST_VERBS.supervisionRsvp, supervisionRsvpAction({ journey, broadcasts, supervision, bookings }));
      if (setting) {
        registry.statusFact(async (personId) => {
          const next = await nextSupervisionFor({ setting, mentors: journey.mentors, answers: supervision, now }, personId);
          if (!next) return [];
          const answer = next.answer === 'attend' ? " (you're attending)" : next.answer === 'decline' ? " (you can't make it)" : '';
          return [['Next group supervision', `${sessionWhen(next)}${answer}`]];
        });
      }
    },
    jobs,
    stop: () => worker.stop(),
  };
};

function supervisionSetting(raw: string | undefined): SupervisionSetting | undefined {
  if (!raw) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    throw new ConfigError('Configuration error: SUPERVISION_SCHEDULE must be JSON, e.g. {"weekOfQuarter":2,"weekday":"tuesday","startTime":"10:00"}');
  }
  if (typeof input !== 'object' || input === null) throw new ConfigError('Configuration error: SUPERVISION_SCHEDULE must be a JSON object');
  const checked = checkSupervisionSetting(input as SupervisionSettingInput);
  if (!checked.ok) throw new ConfigError(`Configuration error: SUPERVISION_SCHEDULE: ${checked.error.message}`);
  return checked.value;
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

/** Who booked (a place or the waiting list) and who said they can't make it, as the session holds them now. */
async function answersTo(deps: SessionDeps, sessionId: string): Promise<{ booked: string[]; declined: string[] } | undefined> {
  const stored = await deps.sessions.get(sessionId);
  if (!stored) return undefined;
  const { bookings, declined } = stored.session;
  return { booked: bookings.filter((b) => b.status !== 'cancelled').map((b) => b.personId), declined: (declined ?? []).map((d) => d.personId) };
}

function summaryOf(session: Session): SessionSummary {
  const where = session.location.type === 'online' ? 'Online, in Microsoft Teams' : session.location.venue;
  return { id: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, timeZone: session.timeZone, where, answer: 'book' };
}

function supervisionDraft(session: SessionSummary) {
  return {
    id: session.id,
    kind: 'supervision' as const,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    location: session.where.startsWith('Online') ? ({ type: 'online' } as const) : ({ type: 'inPerson', venue: 'To be confirmed' } as const),
    seats: MAX_SEATS,
    bookingClosesAt: session.startsAt,
  };
}
