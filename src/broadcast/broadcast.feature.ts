import { BROADCAST_VERBS } from './teams/broadcast.verbs.js';
import { sharedJourney } from '../journey/index.js';
import type { SessionSummary } from './app/broadcast.js';
import { SYSTEM } from '../platform/kernel/person.js';
import { ConfigError } from '../config.js';
import { book, SESSION_VERBS } from '../sessions/index.js';
import { cancelMyBooking } from '../sessions/index.js';
import { seedSession } from '../sessions/index.js';
import { scheduleSupervision, type SupervisionSessions } from './app/supervision/schedule-supervision.js';
import { nextSupervisionFor } from './app/supervision/supervision-status.js';
import { MAX_SEATS } from '../sessions/domain/index.js';
import { TEAMS_BOT_RATE_LIMITS } from './domain/index.js';
import { checkSupervisionSetting, type SupervisionSetting, type SupervisionSettingInput } from './domain/supervision/index.js';
import type { Feature, FeatureFactory, ScheduledJob } from '../platform/feature.js';
import { BroadcastWorker, DEFAULT_BROADCAST_WORKER_OPTIONS } from './worker/broadcast-worker.js';
import { SendPacer } from '../platform/delivery/send-pacer.js';
import { sharedSessions } from '../sessions/index.js';
import { WorkerPresenceRepository } from './store/worker-presence.repository.js';
import { CardMessageRepository } from '../platform/storage/card-message.repository.js';
import { TableLease } from '../platform/storage/table-lease.js';
import { TeamsBroadcastSender } from './teams/broadcast-sender.js';
import { sessionWhen } from './teams/cards/broadcast-message.card.js';
import { supervisionRsvpAction } from './teams/supervision.handler.js';
import { broadcastRoutes } from './teams/broadcast.routes.js';
import { sharedBroadcast } from './shared-broadcast.js';

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
  const shared = await sharedBroadcast(context);
  const { broadcasts, queue, supervision } = shared;
  const broadcastsTable = await context.openTable('Broadcasts');
  const cardMessages = new CardMessageRepository(await context.openTable('CardMessages'));

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

  const { deps: sessionDeps } = await sharedSessions(context);
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
  if (setting) {
    const lease = new TableLease(await context.openTable('Leases'), 'supervisionScheduler', worker.instanceId, config.SCHEDULER_INTERVAL_SECONDS * 2000, now);
    const deps = { setting, sessions: supervisionSessions, mentors: journey.mentors, broadcasts, queue, lease, now, touch: (id: string) => worker.touch(id) };
    jobs.push({ name: 'supervisionSchedule', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => scheduleSupervision(deps) });
  }

  return {
    routes: (registry) => {
      verbs = registry.verbs;
      broadcastRoutes(registry, {
        desk: shared.desk,
        groupsConfigured: shared.groupsConfigured,
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
