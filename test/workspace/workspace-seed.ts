import { nobodyRestricted } from '../support/nobody-restricted.js';
import type { TableClient } from '@azure/data-tables';
import { newMentor, type Mentor, type MentorStage } from '../../src/journey/domain/index.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import type { Match } from '../../src/matching/domain/index.js';
import { MentorMatchingRepository } from '../../src/matching/store/mentor-matching.repository.js';
import { YoungPersonAccessLog } from '../../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../../src/matching/store/young-people.repository.js';
import type { PersonRef } from '../../src/platform/kernel/person.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';
import { logMeeting } from '../../src/relationship/app/log-meeting.js';
import type { RelationshipDeps } from '../../src/relationship/app/relationship-ports.js';
import { DEFAULT_CLAIM_POLICY, DEFAULT_CONCERN_POLICY } from '../../src/relationship/domain/index.js';
import { ConcernRepository } from '../../src/relationship/store/concern.repository.js';
import { StoredActiveMatches, StoredMatchingSide } from '../../src/relationship/store/matching-side.adapter.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { openSession, type Booking, type Session } from '../../src/sessions/domain/index.js';
import { SessionRepository } from '../../src/sessions/store/session.repository.js';
import { youngPerson } from '../matching/domain/fixtures.js';

/** The order mentors are spread over the stages: every funnel bar has someone. */
const STAGE_CYCLE: readonly MentorStage[] = ['interested', 'awaitingApproval', 'approved', 'booked', 'booked', 'trained', 'profileComplete', 'matched', 'active', 'active', 'ended', 'interested'];

export interface SeededMentor extends PersonRef {
  readonly stage: MentorStage;
}

export interface Seeded {
  readonly mentors: readonly SeededMentor[];
  /** The cast member seeded as an active mentor with a claim (when asked for): who signs in to see their own page. */
  readonly castMentor?: { readonly person: PersonRef; readonly claimPence: number };
  readonly trainingId: string;
  /** Booked on the training, which started yesterday. */
  readonly trainees: readonly PersonRef[];
  readonly claimMonth: string;
  readonly claims: number;
}

export function mentorId(index: number): string {
  return `a0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/**
 * A cohort written straight to the bot's tables (its prefix), as the use cases would leave it: `mentors` across the
 * stages, `youngPeople` waiting, a training that started yesterday with up to ten booked and two waiting, and for each
 * active mentor one meeting with a refreshment claim, logged through the relationship use case.
 */
export async function seedWorkspace(
  connectionString: string,
  prefix: string,
  options: { mentors: number; youngPeople: number; now: Date; castMentor?: PersonRef },
): Promise<Seeded> {
  const { now } = options;
  const clock = () => now;
  const clients = storageClients({ kind: 'connectionString', connectionString });
  const storage = await openStorage(clients, prefix);
  const queue = new EffectQueue(storage.effectQueue, clock);
  const [mentorsTable, matchingTable, youngPeopleTable, accessTable, relationshipsTable, concernsTable, sessionsTable] = await Promise.all(
    ['Mentors', 'MentorMatching', 'YoungPeople', 'YoungPersonAccess', 'Relationships', 'SupportConcerns', 'Sessions'].map((name) => storage.openTable(name)),
  );
  const mentorRepo = new MentorRepository(mentorsTable!, queue, clock);
  const records = new MentorMatchingRepository(matchingTable!, queue, clock);
  const youngPeople = new YoungPeopleRepository(youngPeopleTable!, new YoungPersonAccessLog(accessTable!, clock), queue, clock);
  const relationships = new RelationshipRepository(relationshipsTable!, queue, clock);
  const sessions = new SessionRepository(sessionsTable!, queue, clock);

  const mentors: SeededMentor[] = [];
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const count = options.mentors + (options.castMentor ? 1 : 0);
  await runInBatches(count, async (index) => {
    const cast = options.castMentor && index === options.mentors ? options.castMentor : undefined;
    const stage = cast ? 'active' : STAGE_CYCLE[index % STAGE_CYCLE.length]!;
    const person = cast ? { id: cast.id, name: cast.name } : { id: mentorId(index), name: `Mentor ${String(index + 1).padStart(3, '0')}` };
    const since = daysAgo(index % 40);
    // The stage began `since`; the record was touched later (an approval follow-up) for some, and every seventh was
    // stored before the stage's start was kept: then its last change is all there is.
    const { stageSince: _new, ...fresh } = newMentor(person, { jobTitle: 'Head of Service' }, now);
    const mentor: Mentor = {
      ...fresh,
      stage,
      updatedAt: stageKeptFor(index) ? lastTouched(index, since, daysAgo) : since,
      ...(stageKeptFor(index) ? { stageSince: since } : {}),
      ...(stage === 'awaitingApproval'
        ? { approval: { id: `approval-${index}`, kind: 'lineManager' as const, approvers: [{ id: 'manager', name: 'Megan Bowen' }], requestedAt: since, status: 'pending' as const } }
        : {}),
    };
    mentors[index] = { ...person, stage };
    await mentorRepo.save({ value: mentor, audit: [], effects: [] });
    const matched = stage === 'matched' || stage === 'active';
    const matchId = `match-${index}`;
    const youngPersonId = `matched-yp-${index}`;
    if (index % 2 === 0 || matched) {
      await records.save({
        value: {
          mentorId: person.id,
          dbs: { checkedOn: '2026-01-15', certificateReference: '001234567890', updateService: false },
          activeMatches: matched ? [{ matchId, youngPersonId }] : [],
          conflicts: [],
        },
        audit: [],
        effects: [],
      });
    }
    if (matched) {
      const match: Match = { id: matchId, mentorId: person.id, youngPersonId, startedOn: '2026-09-01', status: 'active' };
      await youngPeople.commit({ youngPersonId, youngPerson: { value: youngPerson({ id: youngPersonId, reference: `LC-M${index}`, status: 'matched' }) }, match, audit: [], effects: [] });
    }
  });
  await runInBatches(options.youngPeople, async (index) => {
    const id = `waiting-yp-${index}`;
    const value = youngPerson({ id, reference: `LC-W${String(index).padStart(4, '0')}`, firstName: WAITING_NAMES[index] ?? 'Jay', status: 'waiting', updatedAt: daysAgo(5 + (index % 200)) });
    await youngPeople.commit({ youngPersonId: id, youngPerson: { value }, audit: [], effects: [] });
  });

  const bookedMentors = mentors.filter((mentor) => mentor.stage === 'booked').slice(0, 12);
  const trainees = bookedMentors.slice(0, 10);
  const bookings: Booking[] = bookedMentors.map((mentor, index) => ({ personId: mentor.id, displayName: mentor.name, status: index < 10 ? 'confirmed' : 'waiting', bookedAt: daysAgo(30 - index) }));
  const training: Session = {
    ...openSession({
      id: 'training-1',
      kind: 'training',
      title: 'Full-day training',
      startsAt: daysAgo(1),
      endsAt: new Date(now.getTime() - 86_400_000 + 7 * 3_600_000).toISOString(),
      timeZone: 'Europe/London',
      location: { type: 'inPerson', venue: 'Town Hall' },
      seats: 10,
      bookingClosesAt: daysAgo(2),
    }),
    bookings,
  };
  await sessions.save({ session: training, version: 1, audit: [], effects: [] });

  const deps = relationshipDeps(mentorRepo, records, youngPeople, youngPeopleTable!, relationships, new ConcernRepository(concernsTable!, queue, clock), now);
  const active = mentors.filter((mentor) => mentor.stage === 'active');
  const month = now.toISOString().slice(0, 7);
  await runInBatches(active.length, async (index) => {
    const mentor = active[index]!;
    const matchId = `match-${mentors.indexOf(mentor)}`;
    const logged = await logMeeting(deps, mentor, {
      logId: `log-${String(index).padStart(8, '0')}`,
      matchId,
      date: `${month}-01`,
      minutes: '60',
      mode: 'inPerson',
      focus: 'College visit',
      refreshmentAmount: (claimPence(index) / 100).toFixed(2),
      refreshmentPurpose: 'Tea and cake',
    });
    if (!logged.ok) throw new Error(`seed: ${logged.error.message}`);
  });
  const castMentor = options.castMentor ? { person: options.castMentor, claimPence: claimPence(active.findIndex((mentor) => mentor.id === options.castMentor!.id)) } : undefined;
  return { mentors, ...(castMentor ? { castMentor } : {}), trainingId: training.id, trainees, claimMonth: month, claims: active.length };
}

/** Every seventh seeded mentor (3, 10, 17, …) has no stage start on record, as records saved before it was kept. */
export function stageKeptFor(index: number): boolean {
  return index % 7 !== 3;
}

/** Half the mentors with a stage start were touched since (a follow-up), at most a day after it. */
function lastTouched(index: number, since: string, daysAgo: (days: number) => string): string {
  return index % 2 === 0 ? daysAgo(Math.max(0, (index % 40) - 1 - (index % 3))) : since;
}

/** The days a seeded mentor has been in their stage, as the workspace should count them. */
export function seededDaysInStage(index: number): number {
  return index % 40;
}

/** The first two waiting young people have names of their own, for the search; the rest are all Jay. */
const WAITING_NAMES = ['Robin', 'Mary Ann'];

function claimPence(activeIndex: number): number {
  return 350 + (activeIndex % 5) * 100;
}

function relationshipDeps(
  mentors: MentorRepository,
  records: MentorMatchingRepository,
  youngPeople: YoungPeopleRepository,
  youngPeopleTable: TableClient,
  relationships: RelationshipRepository,
  concerns: ConcernRepository,
  now: Date,
): RelationshipDeps {
  return {
    journey: {
      mentors,
      directory: { getPerson: async () => undefined, getManager: async () => undefined },
      roles: { coordinators: [], governanceApprovers: [], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: () => false },
      clock: { now: () => now },
      restricted: nobodyRestricted,
    },
    matches: new StoredActiveMatches(youngPeopleTable, records, youngPeople),
    matching: new StoredMatchingSide(youngPeopleTable, records, youngPeople),
    relationships,
    concerns,
    contacts: { dutyContactIds: [], serviceManagerIds: [], leavingCareTeamIds: [] },
    policy: { claims: DEFAULT_CLAIM_POLICY, concerns: DEFAULT_CONCERN_POLICY, nudgeDaysBeforeMonthEnd: 7, timeZone: 'Europe/London' },
    newId: () => Math.random().toString(36).slice(2),
  };
}

async function runInBatches(count: number, each: (index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += 20) {
    await Promise.all(Array.from({ length: Math.min(20, count - start) }, (_, offset) => each(start + offset)));
  }
}

/** The session to come: two weeks ahead, 10:00 to 12:00 (UTC), two seats. */
export const COMING_SESSION = { id: 'info-1', title: 'Information session' } as const;

/** A session to come with two seats: the first two people booked, the rest waiting in order. */
export async function seedComingSession(connectionString: string, prefix: string, now: Date, people: readonly PersonRef[]): Promise<Session> {
  const storage = await openStorage(storageClients({ kind: 'connectionString', connectionString }), prefix);
  const sessions = new SessionRepository(await storage.openTable('Sessions'), new EffectQueue(storage.effectQueue, () => now), () => now);
  const day = new Date(now.getTime() + 14 * 86_400_000);
  const at = (hour: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour)).toISOString();
  const bookings: Booking[] = people.map((person, index) => ({ personId: person.id, displayName: person.name, status: index < 2 ? 'confirmed' : 'waiting', bookedAt: now.toISOString() }));
  const draft = { id: COMING_SESSION.id, kind: 'informationSession' as const, title: COMING_SESSION.title, startsAt: at(10), endsAt: at(12), timeZone: 'Europe/London', seats: 2, bookingClosesAt: at(9) };
  const session: Session = { ...openSession({ ...draft, location: { type: 'inPerson', venue: 'Town Hall' } }), bookings };
  await sessions.save({ session, version: 1, audit: [], effects: [] });
  return session;
}
