import { randomUUID } from 'node:crypto';
import { followUpRelationships } from './app/follow-up-relationships.js';
import type { RelationshipDeps } from './app/relationship-ports.js';
import { renotifyConcerns } from './app/support.js';
import { DEFAULT_TIME_ZONE } from './domain/index.js';
import { sharedJourney } from '../journey/index.js';
import { restrictedPeople } from '../privacy/index.js';
import type { FeatureFactory } from '../platform/feature.js';
import { workspaceLinks } from '../platform/teams/workspace-link.js';
import { ConcernRepository } from './store/concern.repository.js';
import { StoredActiveMatches, StoredMatchingSide } from './store/matching-side.adapter.js';
import { MentorMatchingRepository } from '../matching/index.js';
import { RelationshipRepository } from './store/relationship.repository.js';
import { YoungPersonAccessLog } from '../matching/index.js';
import { YoungPeopleRepository } from '../matching/index.js';
import { relationshipNotifiers } from './teams/relationship.notifications.js';
import { relationshipRoutes } from './teams/relationship.routes.js';

/** After a match: meetings, commitment, refreshments, support and concerns, review and ending (docs/relationship.md). */
export const relationshipFeature: FeatureFactory = async (context) => {
  const journey = await sharedJourney(context);
  const { config } = context;
  const now = () => journey.clock.now();
  // The matching feature's tables, read and (to end a match) written through this feature's own port adapters.
  const [relationshipsTable, concernsTable, matchingTable, youngPeopleTable, accessTable] = await Promise.all([
    context.openTable('Relationships'),
    context.openTable('SupportConcerns'),
    context.openTable('MentorMatching'),
    context.openTable('YoungPeople'),
    context.openTable('YoungPersonAccess'),
  ]);
  const records = new MentorMatchingRepository(matchingTable, context.queue, now);
  const youngPeople = new YoungPeopleRepository(youngPeopleTable, new YoungPersonAccessLog(accessTable, now), context.queue, now);
  const coordinatorIds = journey.roles.coordinators.map((each) => each.id);
  const relationships = new RelationshipRepository(relationshipsTable, context.queue, now);
  const deps: RelationshipDeps = {
    journey: journey,
    matches: new StoredActiveMatches(youngPeopleTable, records, youngPeople, async (matchId) => (await relationships.get(matchId))?.value.youngPersonId),
    matching: new StoredMatchingSide(youngPeopleTable, records, youngPeople),
    relationships,
    concerns: new ConcernRepository(concernsTable, context.queue, now),
    contacts: {
      dutyContactIds: lower(config.SUPPORT_DUTY_CONTACT_IDS, coordinatorIds),
      serviceManagerIds: lower(config.SUPPORT_SERVICE_MANAGER_IDS, coordinatorIds),
      leavingCareTeamIds: coordinatorIds,
      ...(config.LEAVING_CARE_DUTY_LINE ? { dutyLine: config.LEAVING_CARE_DUTY_LINE } : {}),
      ...(config.SERVICE_MANAGER_NAME && config.SERVICE_MANAGER_CONTACT ? { serviceManager: { name: config.SERVICE_MANAGER_NAME, contact: config.SERVICE_MANAGER_CONTACT } } : {}),
    },
    policy: {
      claims: { noteRequiredAbovePence: config.CLAIM_NOTE_ABOVE_PENCE, maxPence: Math.max(config.CLAIM_MAX_PENCE, config.CLAIM_NOTE_ABOVE_PENCE) },
      concerns: { renotifyAfterMinutes: config.CONCERN_RENOTIFY_MINUTES },
      nudgeDaysBeforeMonthEnd: config.COMMITMENT_NUDGE_DAYS,
      timeZone: DEFAULT_TIME_ZONE,
    },
    newId: () => randomUUID(),
    restricted: await restrictedPeople(context),
  };
  const everyMs = config.SCHEDULER_INTERVAL_SECONDS * 1000;
  return {
    routes: (routes) => relationshipRoutes(routes, deps, context.log, workspaceLinks({ teamsAppId: config.TEAMS_APP_ID, port: config.PORT })),
    notifiers: relationshipNotifiers(deps),
    outboxTables: [relationshipsTable, concernsTable],
    jobs: [
      { name: 'relationshipFollowUp', everyMs, run: () => followUpRelationships(deps) },
      // Concerns are checked more often than the rest: an unacknowledged urgent concern must not wait for the daily pace.
      { name: 'concernRenotify', everyMs: Math.min(everyMs, 60_000), run: () => renotifyConcerns(deps) },
    ],
  };
};

function lower(ids: readonly string[], fallback: readonly string[]): string[] {
  return (ids.length ? ids : fallback).map((id) => id.toLowerCase());
}
