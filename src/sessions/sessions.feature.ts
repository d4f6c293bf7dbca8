import type { Directory } from '../platform/app/ports.js';
import type { CohortDeps } from './app/cohort-ports.js';
import type { RotaDeps } from './app/rota-ports.js';
import { seedSchemeCohort } from './app/seed-scheme-cohort.js';
import { CohortRepository } from './store/cohort.repository.js';
import { RotaRepository } from './store/rota.repository.js';
import { sendRotaReminders } from './app/visit-rota.js';
import { tellCoordinatorsNoCohortOpen } from './app/no-cohort-notice.js';
import { reconcileCalendars } from './app/reconcile-calendars.js';
import { sendSessionReminders } from './app/send-reminders.js';
import type { EmailLookup } from './app/session-ports.js';
import type { CalendarSyncDeps } from './app/sync-calendar.js';
import { DEFAULT_TIME_ZONE } from './domain/index.js';
import { sharedJourney } from '../journey/index.js';
import { calendarGiveUpNotice } from './app/calendar-give-up.js';
import type { FeatureFactory } from '../platform/feature.js';
import { GraphCalendarGateway } from './graph/calendar.gateway.js';
import { loadSchemeConfig } from './scheme-config.js';
import { sharedSessions } from './shared-sessions.js';
import { sessionNotifiers } from './teams/sessions.notifications.js';
import { sessionRoutes } from './teams/sessions.routes.js';

/**
 * Sessions and training booking (docs/sessions.md): the cohort's sessions seeded from the scheme configuration file,
 * booking with a waiting list, coordinator commands, day-before reminders, and one Graph event per session in the
 * organiser mailbox when ORGANISER_MAILBOX is set and Graph is configured.
 */
export const sessionsFeature: FeatureFactory = async (context) => {
  const journey = await sharedJourney(context);
  const { config, log } = context;
  const scheme = loadSchemeConfig(config.SCHEME_CONFIG_FILE, config.COHORT_YEAR);
  const now = (): Date => journey.clock.now();
  const { deps: sessionDeps, table } = await sharedSessions(context);
  const { sessions } = sessionDeps;
  const timeZone = scheme.config.cohort.timeZone ?? DEFAULT_TIME_ZONE;
  const { year: _year, ...cohortDefaults } = scheme.config.cohort;
  const deps: CohortDeps & RotaDeps = {
    ...sessionDeps,
    cohorts: new CohortRepository(table, context.queue, now),
    rota: new RotaRepository(table, context.queue, now),
    cohortDefaults,
    timeZone,
  };
  // The scheme file's cohort opens only while it can still be booked; otherwise none is open, and the coordinators' sessions card says so first.
  const seeded = await seedSchemeCohort(deps, scheme.year, scheme.cohort);
  if (seeded === 'opened') log.info({ year: scheme.year }, 'opened the cohort of the scheme configuration');
  if (seeded === 'past') log.info({ year: scheme.year }, "the scheme configuration's cohort has passed: no cohort is open until a coordinator opens one");
  // Nothing bookable: each coordinator gets one card asking them to open the next cohort (once per gap, across restarts).
  const told = await tellCoordinatorsNoCohortOpen(deps);
  if (told > 0) log.info({ coordinators: told }, 'no cohort is open: the coordinators are asked to open the next one');

  let calendar: CalendarSyncDeps | undefined;
  if (context.graph && config.ORGANISER_MAILBOX) {
    const gateway = new GraphCalendarGateway(context.graph, { mailbox: config.ORGANISER_MAILBOX, maxConcurrent: config.GRAPH_MAILBOX_CONCURRENCY, now });
    calendar = { sessions, calendar: gateway, emails: cachedEmails(journey.directory, now), now };
  } else {
    log.info('sessions: no organiser mailbox or no Graph, so bookings are not put in calendars');
  }

  return {
    routes: (routes) => sessionRoutes(routes, { sessions: deps, log, timeZone, calendarInUse: calendar !== undefined }),
    notifiers: sessionNotifiers(deps, calendar),
    outboxTables: [table],
    giveUpNotice: calendarGiveUpNotice,
    jobs: [
      {
        name: 'sessionReminders',
        everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
        run: () => sendSessionReminders(deps, config.SESSION_REMINDER_HOURS_BEFORE),
      },
      { name: 'rotaReminders', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => sendRotaReminders(deps) },
      // The open cohort's booking closing starts a new gap: the next tick tells the coordinators (once).
      { name: 'noCohortOpenNotice', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => tellCoordinatorsNoCohortOpen(deps) },
      ...(calendar ? [{ name: 'calendarReconcile', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => reconcileCalendars(sessions, now()) }] : []),
    ],
  };
};

/** Work addresses change rarely; a lookup is kept for an hour in this process (a cache, never the record). */
function cachedEmails(directory: Directory, now: () => Date, ttlMs = 3_600_000): EmailLookup {
  const cache = new Map<string, { address: string | undefined; until: number }>();
  return {
    async emailOf(personId) {
      const hit = cache.get(personId);
      if (hit && hit.until > now().getTime()) return hit.address;
      const address = (await directory.getPerson(personId))?.mail;
      if (cache.size > 5000) cache.clear();
      cache.set(personId, { address, until: now().getTime() + ttlMs });
      return address;
    },
  };
}
