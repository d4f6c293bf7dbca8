import { inject } from 'vitest';
import type { TableClient } from '@azure/data-tables';
import type { MatchingDeps } from '../../src/matching/app/matching-deps.js';
import { DEFAULT_AREAS, DEFAULT_MATCHING_POLICY } from '../../src/matching/domain/index.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { MentorMatchingRepository } from '../../src/matching/store/mentor-matching.repository.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openTable } from '../../src/platform/storage/tables.js';
import { YoungPersonAccessLog } from '../../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../../src/matching/store/young-people.repository.js';
import { nobodyRestricted } from './nobody-restricted.js';
import { uniquePrefix } from './test-bot.js';

export const MATCHING_COORDINATOR = { id: 'coordinator-1', name: 'Isaiah' };

export interface MatchingWorld {
  readonly deps: MatchingDeps;
  readonly youngPeopleTable: TableClient;
  readonly accessTable: TableClient;
}

/** The matching use cases' deps on Azurite under a fresh prefix, with one coordinator and the default policy and areas. */
export async function matchingWorld(now: () => Date, newId: () => string): Promise<MatchingWorld> {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const queue = new EffectQueue(clients.queue(`${prefix}-effects`), () => new Date());
  await clients.queue(`${prefix}-effects`).createIfNotExists();
  const [mentorsTable, recordsTable, youngPeopleTable, accessTable] = await Promise.all(
    ['Mentors', 'MentorMatching', 'YoungPeople', 'YoungPersonAccess'].map((name) => openTable(clients, `${prefix}${name}`)),
  );
  const deps: MatchingDeps = {
    journey: {
      mentors: new MentorRepository(mentorsTable!, queue, now),
      directory: { getPerson: async () => undefined, getManager: async () => undefined },
      roles: { coordinators: [MATCHING_COORDINATOR], governanceApprovers: [], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: (id) => id === MATCHING_COORDINATOR.id },
      clock: { now },
      restricted: nobodyRestricted,
    },
    records: new MentorMatchingRepository(recordsTable!, queue, now),
    youngPeople: new YoungPeopleRepository(youngPeopleTable!, new YoungPersonAccessLog(accessTable!, now), queue, now),
    policy: DEFAULT_MATCHING_POLICY,
    contacts: {},
    areas: DEFAULT_AREAS,
    newId,
  };
  return { deps, youngPeopleTable: youngPeopleTable!, accessTable: accessTable! };
}
