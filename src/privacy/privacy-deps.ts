import { randomUUID } from 'node:crypto';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { sharedJourney } from '../journey/index.js';
import { YoungPeopleRepository, YoungPersonAccessLog } from '../matching/index.js';
import type { PrivacyDeps } from './app/privacy-ports.js';
import { retentionSchedule } from './retention-config.js';
import { sharedPrivacyStore } from './shared-privacy.js';
import { StoredPersonEraser } from './store/person.eraser.js';
import { StoredPersonalData } from './store/personal-data.reader.js';
import { openPersonalTables } from './store/personal-tables.js';
import { StoredRetentionRecords } from './store/retention.records.js';

/** The privacy use cases' needs, one per bot: the chat's privacy cards and the workspace's subject access list share them. */
export const sharedPrivacyDeps: (context: FeatureContext) => Promise<PrivacyDeps> = onePerBot(async (context) => {
  const { config } = context;
  const journey = await sharedJourney(context);
  const now = () => journey.clock.now();
  const store = await sharedPrivacyStore(context);
  const tables = await openPersonalTables(context.openTable);
  const accessLog = new YoungPersonAccessLog(tables.access, now);
  return {
    store,
    personalData: new StoredPersonalData(tables, new YoungPeopleRepository(tables.youngPeople, accessLog, context.queue, now), accessLog),
    retention: new StoredRetentionRecords(tables),
    eraser: new StoredPersonEraser(tables),
    schemeRoles: journey.roles,
    privacyRoles: journey.roles,
    directory: journey.directory,
    clock: journey.clock,
    schedule: retentionSchedule(config.RETENTION_SCHEDULE),
    newId: () => randomUUID(),
    tell: (effects) => store.queueNotices(effects),
    reminderDays: config.SUBJECT_ACCESS_REMINDER_DAYS,
  };
});
