import { nobodyRestricted } from './nobody-restricted.js';
import { inject } from 'vitest';
import type { RelationshipDeps } from '../../src/relationship/app/relationship-ports.js';
import type { Match } from '../../src/matching/domain/index.js';
import { newMentor, type Mentor } from '../../src/journey/domain/index.js';
import type { PersonRef } from '../../src/platform/kernel/person.js';
import { DEFAULT_CLAIM_POLICY, DEFAULT_CONCERN_POLICY } from '../../src/relationship/domain/index.js';
import { ConcernRepository } from '../../src/relationship/store/concern.repository.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { StoredActiveMatches, StoredMatchingSide } from '../../src/relationship/store/matching-side.adapter.js';
import { MentorMatchingRepository } from '../../src/matching/store/mentor-matching.repository.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openTable } from '../../src/platform/storage/tables.js';
import { YoungPersonAccessLog } from '../../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../../src/matching/store/young-people.repository.js';
import { youngPerson } from '../matching/domain/fixtures.js';
import { uniquePrefix } from './test-bot.js';

export interface RelationshipWorld {
  /** One "instance" of the bot's relationship parts over the shared storage; call again for a second instance. */
  instance(): RelationshipDeps;
  seedMatch(mentor: PersonRef, youngPersonId: string, matchId: string, startedOn: string): Promise<void>;
  readonly relationships: RelationshipRepository;
  readonly mentors: MentorRepository;
  setNow(now: Date): void;
}

export const COORDINATOR: PersonRef = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Isaiah Langer' };

/** The relationship feature's storage on Azurite under a fresh prefix, with the matching feature's tables beside it. */
export async function relationshipWorld(start: Date): Promise<RelationshipWorld> {
  let now = start;
  const clock = () => now;
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const [mentorsTable, matchingTable, youngPeopleTable, accessTable, relationshipsTable, concernsTable] = await Promise.all(
    ['Mentors', 'MentorMatching', 'YoungPeople', 'YoungPersonAccess', 'Relationships', 'SupportConcerns'].map((name) => openTable(clients, `${prefix}${name}`)),
  );
  const queueClient = clients.queue(`${prefix.toLowerCase()}-effects`);
  await queueClient.createIfNotExists();
  const queue = new EffectQueue(queueClient, () => new Date());
  const mentors = new MentorRepository(mentorsTable!, queue, clock);
  const records = new MentorMatchingRepository(matchingTable!, queue, clock);
  const youngPeople = new YoungPeopleRepository(youngPeopleTable!, new YoungPersonAccessLog(accessTable!, clock), queue, clock);
  const relationships = new RelationshipRepository(relationshipsTable!, queue, clock);
  const instance = (): RelationshipDeps => ({
    journey: {
      mentors: new MentorRepository(mentorsTable!, queue, clock),
      directory: { getPerson: async () => undefined, getManager: async () => undefined },
      roles: { coordinators: [COORDINATOR], governanceApprovers: [COORDINATOR], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: (id) => id === COORDINATOR.id },
      clock: { now: clock },
      restricted: nobodyRestricted,
    },
    matches: new StoredActiveMatches(youngPeopleTable!, records, youngPeople),
    matching: new StoredMatchingSide(youngPeopleTable!, records, youngPeople),
    relationships: new RelationshipRepository(relationshipsTable!, queue, clock),
    concerns: new ConcernRepository(concernsTable!, queue, clock),
    contacts: { dutyContactIds: [COORDINATOR.id], serviceManagerIds: [COORDINATOR.id], leavingCareTeamIds: [COORDINATOR.id] },
    policy: { claims: DEFAULT_CLAIM_POLICY, concerns: DEFAULT_CONCERN_POLICY, nudgeDaysBeforeMonthEnd: 7, timeZone: 'Europe/London' },
    newId: () => Math.random().toString(36).slice(2),
  });
  return {
    instance,
    relationships,
    mentors,
    setNow: (value) => {
      now = value;
    },
    async seedMatch(person, youngPersonId, matchId, startedOn) {
      const mentor: Mentor = { ...newMentor(person, {}, now), stage: 'matched' };
      await mentors.save({ value: mentor, audit: [], effects: [] });
      const match: Match = { id: matchId, mentorId: person.id, youngPersonId, startedOn, status: 'active' };
      await youngPeople.commit({ youngPersonId, youngPerson: { value: youngPerson({ id: youngPersonId, status: 'matched' }) }, match, audit: [], effects: [] });
      await records.save({ value: { mentorId: person.id, activeMatches: [{ matchId, youngPersonId }], conflicts: [] }, audit: [], effects: [] });
    },
  };
}
