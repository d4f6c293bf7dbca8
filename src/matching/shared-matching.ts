import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { MatchingDeps } from './app/matching-deps.js';
import { DEFAULT_AREAS } from './domain/index.js';
import { sharedJourney } from '../journey/index.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { MentorMatchingRepository } from './store/mentor-matching.repository.js';
import { YoungPersonAccessLog } from './store/young-person-access.log.js';
import { YoungPeopleRepository } from './store/young-people.repository.js';

export interface SharedMatching {
  readonly deps: MatchingDeps;
  /** The tables that hold matching's outbox rows. */
  readonly outboxTables: readonly TableClient[];
}

/**
 * The matching use cases' dependencies, built once per bot and shared by every feature that matches or lists (the
 * matching feature for the chat, the workspace for the tab), so the tab cannot be wired without what the chat holds:
 * the same policy, and the same restriction list (a restricted person is left out of both, docs/privacy.md).
 */
export const sharedMatching: (context: FeatureContext) => Promise<SharedMatching> = onePerBot(open);

async function open(context: FeatureContext): Promise<SharedMatching> {
  const journey = await sharedJourney(context);
  const { config } = context;
  const now = () => journey.clock.now();
  const [recordsTable, youngPeopleTable, accessTable] = await Promise.all([
    context.openTable('MentorMatching'),
    context.openTable('YoungPeople'),
    context.openTable('YoungPersonAccess'),
  ]);
  const deps: MatchingDeps = {
    journey,
    records: new MentorMatchingRepository(recordsTable, context.queue, now),
    youngPeople: new YoungPeopleRepository(youngPeopleTable, new YoungPersonAccessLog(accessTable, now), context.queue, now),
    policy: { maxActiveMatches: config.MENTOR_MAX_ACTIVE_MATCHES, dbsRenewAfterMonths: config.DBS_RENEW_AFTER_MONTHS },
    contacts: {
      ...(config.LEAVING_CARE_DUTY_LINE ? { dutyLine: config.LEAVING_CARE_DUTY_LINE } : {}),
      ...(config.SERVICE_MANAGER_NAME && config.SERVICE_MANAGER_CONTACT
        ? { serviceManager: { name: config.SERVICE_MANAGER_NAME, contact: config.SERVICE_MANAGER_CONTACT } }
        : {}),
    },
    areas: DEFAULT_AREAS,
    newId: () => randomUUID(),
  };
  return { deps, outboxTables: [recordsTable, youngPeopleTable] };
}
