import { randomUUID } from 'node:crypto';
import type { RelationshipDeps } from './app/relationship-ports.js';
import { DEFAULT_TIME_ZONE } from './domain/index.js';
import { sharedJourney } from '../journey/index.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { ConcernRepository } from './store/concern.repository.js';
import { StoredActiveMatches, StoredMatchingSide } from './store/matching-side.adapter.js';
import { MentorMatchingRepository, YoungPeopleRepository, YoungPersonAccessLog } from '../matching/index.js';
import { RelationshipRepository } from './store/relationship.repository.js';

/**
 * The relationship use cases' dependencies, built once per bot for the relationship feature (the chat) and the
 * workspace (the tab): the same tables, policy and restriction list, so a claim decided in the tab is the row the chat
 * shows and a restricted person is left out of both.
 */
export const sharedRelationship: (context: FeatureContext) => Promise<RelationshipDeps> = onePerBot(open);

async function open(context: FeatureContext): Promise<RelationshipDeps> {
  const journey = await sharedJourney(context);
  const { config } = context;
  const now = () => journey.clock.now();
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
  return {
    journey,
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
  };
}

function lower(ids: readonly string[], fallback: readonly string[]): string[] {
  return (ids.length ? ids : fallback).map((id) => id.toLowerCase());
}
