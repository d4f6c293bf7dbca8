import type { Match } from '../../src/matching/domain/index.js';
import type { YoungPerson } from '../../src/matching/domain/young-people/index.js';
import { newMentor, type Mentor } from '../../src/journey/domain/index.js';
import { ConcernRepository } from '../../src/relationship/store/concern.repository.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { MentorMatchingRepository } from '../../src/matching/store/mentor-matching.repository.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { YoungPersonAccessLog } from '../../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../../src/matching/store/young-people.repository.js';
import { youngPerson } from '../matching/domain/fixtures.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI, type TestPerson } from './people.js';
import { installed, startTestBot, type TestBot } from './test-bot.js';

/** The bot on a moving clock with support configured (Megan the duty contact), and the stores a relationship test seeds and reads. */
export interface RelationshipBot {
  readonly t: TestBot;
  readonly mentors: MentorRepository;
  readonly records: MentorMatchingRepository;
  readonly youngPeople: YoungPeopleRepository;
  readonly relationships: RelationshipRepository;
  readonly concerns: ConcernRepository;
  /** Stores a live match of the mentor with a young person (matched on both sides); answers the match's id. */
  matched(person: TestPerson, young: Partial<YoungPerson> & { id: string }, options?: { matchId?: string; startedOn?: string }): Promise<string>;
}

const SUPPORT_ENV = { SCHEDULER_INTERVAL_SECONDS: '1', SUPPORT_DUTY_CONTACT_IDS: MEGAN.id, LEAVING_CARE_DUTY_LINE: '0300 555 0100', SERVICE_MANAGER_CONTACT: '0300 555 0199' };

/** Starts the bot with `env` over the support settings, and installs it for Alex, Adele, Isaiah, Megan, Patti and Grady. */
export async function startRelationshipBot(env: Record<string, string>, now: () => Date): Promise<RelationshipBot> {
  const t = await startTestBot({ ...SUPPORT_ENV, ...env }, { now });
  const prefix = t.env.TABLE_PREFIX!;
  const clients = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });
  const queue = new EffectQueue(clients.queue(`${prefix.toLowerCase()}-effects`), () => new Date());
  const mentors = new MentorRepository(clients.table(`${prefix}Mentors`), queue, now);
  const records = new MentorMatchingRepository(clients.table(`${prefix}MentorMatching`), queue, now);
  const youngPeople = new YoungPeopleRepository(clients.table(`${prefix}YoungPeople`), new YoungPersonAccessLog(clients.table(`${prefix}YoungPersonAccess`), now), queue, now);
  const relationships = new RelationshipRepository(clients.table(`${prefix}Relationships`), queue, now);
  const concerns = new ConcernRepository(clients.table(`${prefix}SupportConcerns`), queue, now);
  for (const person of [ALEX, ADELE, ISAIAH, MEGAN, PATTI, GRADY]) await t.send(installed(person));
  async function matched(person: TestPerson, young: Partial<YoungPerson> & { id: string }, options: { matchId?: string; startedOn?: string } = {}): Promise<string> {
    const matchId = options.matchId ?? `match-${young.id}`;
    await mentors.save({ value: { ...newMentor(person, {}, now()), stage: 'matched' } satisfies Mentor, audit: [], effects: [] });
    const match: Match = { id: matchId, mentorId: person.id, youngPersonId: young.id, startedOn: options.startedOn ?? '2026-11-01', status: 'active' };
    await youngPeople.commit({ youngPersonId: young.id, youngPerson: { value: youngPerson({ ...young, status: 'matched' }) }, match, audit: [], effects: [] });
    await records.save({ value: { mentorId: person.id, activeMatches: [{ matchId, youngPersonId: young.id }], conflicts: [] }, audit: [], effects: [] });
    return matchId;
  }
  return { t, mentors, records, youngPeople, relationships, concerns, matched };
}
