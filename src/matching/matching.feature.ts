import { randomUUID } from 'node:crypto';
import { askTrainedMentorsForProfile } from './app/ask-for-profile.js';
import type { MatchingDeps } from './app/matching-deps.js';
import { DEFAULT_AREAS } from './domain/index.js';
import { sharedJourney } from '../journey/index.js';
import { restrictedPeople } from '../privacy/index.js';
import type { FeatureFactory } from '../platform/feature.js';
import { workspaceLinks } from '../platform/teams/workspace-link.js';
import { MentorMatchingRepository } from './store/mentor-matching.repository.js';
import { YoungPersonAccessLog } from './store/young-person-access.log.js';
import { YoungPeopleRepository } from './store/young-people.repository.js';
import { matchingNotifiers } from './teams/matching.notifications.js';
import { matchingRoutes } from './teams/matching.routes.js';

/** Pen pictures, DBS checks, young people (in tables of their own) and matching (docs/matching.md). */
export const matchingFeature: FeatureFactory = async (context) => {
  const journey = await sharedJourney(context);
  const { config } = context;
  const now = () => journey.clock.now();
  const [recordsTable, youngPeopleTable, accessTable] = await Promise.all([
    context.openTable('MentorMatching'),
    context.openTable('YoungPeople'),
    context.openTable('YoungPersonAccess'),
  ]);
  const deps: MatchingDeps = {
    journey: journey,
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
    restricted: await restrictedPeople(context),
  };
  return {
    routes: (routes) => matchingRoutes(routes, deps, context.log, workspaceLinks({ teamsAppId: config.TEAMS_APP_ID, port: config.PORT })),
    notifiers: matchingNotifiers(deps),
    outboxTables: [recordsTable, youngPeopleTable],
    jobs: [{ name: 'askForProfile', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => askTrainedMentorsForProfile(deps) }],
  };
};
