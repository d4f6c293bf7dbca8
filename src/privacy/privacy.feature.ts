import { randomUUID } from 'node:crypto';
import type { FeatureFactory } from '../platform/feature.js';
import { TableLease } from '../platform/storage/table-lease.js';
import { sharedJourney } from '../journey/index.js';
import { YoungPeopleRepository, YoungPersonAccessLog } from '../matching/index.js';
import { resumeErasures } from './app/erasure.js';
import type { PrivacyDeps } from './app/privacy-ports.js';
import { runRetention } from './app/retention-run.js';
import { remindSubjectAccessDue } from './app/subject-access-requests.js';
import { retentionSchedule } from './retention-config.js';
import { sharedPrivacyStore } from './shared-privacy.js';
import { StoredPersonEraser } from './store/person.eraser.js';
import { StoredPersonalData } from './store/personal-data.reader.js';
import { openPersonalTables } from './store/personal-tables.js';
import { StoredRetentionRecords } from './store/retention.records.js';
import { privacyNotifiers } from './teams/privacy.notifications.js';
import { privacyRoutes } from './teams/privacy.routes.js';

/** Retention, subject access, legal holds, restriction and erasure, and the data map behind them (docs/privacy.md). */
export const privacyFeature: FeatureFactory = async (context) => {
  const { config } = context;
  const schedule = retentionSchedule(config.RETENTION_SCHEDULE);
  const journey = await sharedJourney(context);
  const now = () => journey.clock.now();
  const store = await sharedPrivacyStore(context);
  const tables = await openPersonalTables(context.openTable);
  const accessLog = new YoungPersonAccessLog(tables.access, now);
  const deps: PrivacyDeps = {
    store,
    personalData: new StoredPersonalData(tables, new YoungPeopleRepository(tables.youngPeople, accessLog, context.queue, now), accessLog),
    retention: new StoredRetentionRecords(tables),
    eraser: new StoredPersonEraser(tables),
    schemeRoles: journey.roles,
    privacyRoles: journey.roles,
    directory: journey.directory,
    clock: journey.clock,
    schedule,
    newId: () => randomUUID(),
    tell: (effects) => store.queueNotices(effects),
    reminderDays: config.SUBJECT_ACCESS_REMINDER_DAYS,
  };
  const everyMs = config.SCHEDULER_INTERVAL_SECONDS * 1000;
  const lease = new TableLease(await context.openTable('Leases'), 'privacyDaily', randomUUID(), everyMs * 2, now);
  return {
    routes: (routes) => privacyRoutes(routes, deps),
    notifiers: privacyNotifiers(deps),
    outboxTables: [store.table],
    jobs: [
      {
        name: 'privacyDaily',
        everyMs,
        run: async () => {
          const outcome = await runRetention(deps, lease);
          if (!outcome.ran && !(await lease.acquire())) return;
          await resumeErasures(deps);
          await remindSubjectAccessDue(deps);
        },
      },
    ],
  };
};
