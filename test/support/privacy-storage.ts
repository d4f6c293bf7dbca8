import { inject } from 'vitest';
import { BroadcastRepository } from '../../src/broadcast/store/broadcast.repository.js';
import { SupervisionRepository } from '../../src/broadcast/store/supervision.repository.js';
import { newMentor, type Mentor } from '../../src/journey/domain/index.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import type { Match } from '../../src/matching/domain/index.js';
import { MentorMatchingRepository } from '../../src/matching/store/mentor-matching.repository.js';
import { YoungPersonAccessLog } from '../../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../../src/matching/store/young-people.repository.js';
import type { SchemeRoles } from '../../src/platform/app/ports.js';
import type { PersonRef } from '../../src/platform/kernel/person.js';
import { ConversationRepository } from '../../src/platform/storage/conversation.repository.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openTable } from '../../src/platform/storage/tables.js';
import { TableLease } from '../../src/platform/storage/table-lease.js';
import type { PrivacyDeps } from '../../src/privacy/app/privacy-ports.js';
import { DEFAULT_RETENTION, type RetentionSchedule } from '../../src/privacy/domain/index.js';
import { StoredPersonEraser } from '../../src/privacy/store/person.eraser.js';
import { StoredPersonalData } from '../../src/privacy/store/personal-data.reader.js';
import { everyRow, openPersonalTables, PERSONAL_TABLES, type PersonalTableKey, type PersonalTables, type StoredRow } from '../../src/privacy/store/personal-tables.js';
import { PrivacyRepository } from '../../src/privacy/store/privacy.repository.js';
import { StoredRetentionRecords } from '../../src/privacy/store/retention.records.js';
import type { Relationship } from '../../src/relationship/app/relationship-ports.js';
import { ConcernRepository } from '../../src/relationship/store/concern.repository.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { SessionRepository } from '../../src/sessions/store/session.repository.js';
import { youngPerson } from '../matching/domain/fixtures.js';
import { aSession } from '../sessions/domain/session.fixture.js';
import type { JourneyDeps } from '../../src/journey/app/journey-deps.js';
import type { MatchingDeps } from '../../src/matching/app/matching-deps.js';
import { DEFAULT_AREAS, DEFAULT_MATCHING_POLICY } from '../../src/matching/domain/index.js';
import { restrictionList } from '../../src/privacy/app/restriction-list.js';
import type { RelationshipDeps } from '../../src/relationship/app/relationship-ports.js';
import { DEFAULT_CLAIM_POLICY, DEFAULT_CONCERN_POLICY } from '../../src/relationship/domain/index.js';
import { StoredActiveMatches, StoredMatchingSide } from '../../src/relationship/store/matching-side.adapter.js';
import type { SessionDeps } from '../../src/sessions/app/session-deps.js';
import { uniquePrefix } from './test-bot.js';

export const COORDINATOR: PersonRef = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Isaiah Langer' };
export const DPO: PersonRef = { id: 'd0000000-0000-4000-8000-000000000009', name: 'Dana Officer' };
export const SOMEONE_ELSE: PersonRef = { id: 'e0000000-0000-4000-8000-000000000005', name: 'Grady Archie' };

/** The privacy feature's parts over a fresh prefix on the run's Azurite, with the other features' stores to seed through. */
export interface PrivacyWorld {
  readonly deps: PrivacyDeps;
  readonly tables: PersonalTables;
  readonly store: PrivacyRepository;
  readonly retention: StoredRetentionRecords;
  readonly mentors: MentorRepository;
  readonly youngPeople: YoungPeopleRepository;
  readonly accessLog: YoungPersonAccessLog;
  readonly relationships: RelationshipRepository;
  readonly sessions: SessionRepository;
  readonly broadcasts: BroadcastRepository;
  /** The directory the use cases see: seeded people are found by id. */
  readonly people: Map<string, PersonRef>;
  setNow(now: Date): void;
  now(): Date;
  /** Every row of every personal table, as `table|partition|row` → row. */
  allRows(): Promise<Map<string, StoredRow>>;
  withTables(tables: PersonalTables): PrivacyDeps;
  /** The retention job's lease as one instance holds it. */
  lease(holder: string): Promise<TableLease>;
}

export async function privacyWorld(start: Date, schedule: RetentionSchedule = DEFAULT_RETENTION): Promise<PrivacyWorld> {
  let current = start;
  const now = () => current;
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const tables = await openPersonalTables((name) => openTable(clients, `${prefix}${name}`));
  const queueClient = clients.queue(`${prefix.toLowerCase()}-effects`);
  await queueClient.createIfNotExists();
  const queue = new EffectQueue(queueClient, now);
  const accessLog = new YoungPersonAccessLog(tables.access, now);
  const youngPeople = new YoungPeopleRepository(tables.youngPeople, accessLog, queue, now);
  const store = new PrivacyRepository(tables.privacy, queue, now);
  const people = new Map<string, PersonRef>();
  const roles: SchemeRoles = { coordinators: [COORDINATOR], governanceApprovers: [COORDINATOR], isCoordinator: (id) => id === COORDINATOR.id, dataProtectionOfficers: [DPO], isDataProtectionOfficer: (id) => id === DPO.id };
  const withTables = (using: PersonalTables): PrivacyDeps => ({
    store,
    personalData: new StoredPersonalData(using, youngPeople, accessLog),
    retention: new StoredRetentionRecords(using),
    eraser: new StoredPersonEraser(using),
    schemeRoles: roles,
    privacyRoles: { dataProtectionOfficers: [DPO], isDataProtectionOfficer: (id) => id === DPO.id },
    directory: { getPerson: async (id) => people.get(id), getManager: async () => undefined },
    clock: { now },
    schedule,
    newId: () => `id-${Math.random().toString(36).slice(2, 10)}`,
    tell: (effects) => store.queueNotices(effects),
    reminderDays: 7,
  });
  return {
    deps: withTables(tables),
    withTables,
    tables,
    store,
    retention: new StoredRetentionRecords(tables),
    mentors: new MentorRepository(tables.mentors, queue, now),
    people,
    youngPeople,
    accessLog,
    relationships: new RelationshipRepository(tables.relationships, queue, now),
    sessions: new SessionRepository(tables.sessions, queue, now),
    broadcasts: new BroadcastRepository(tables.broadcasts),
    setNow: (value) => void (current = value),
    lease: async (holder) => new TableLease(await openTable(clients, `${prefix}Leases`), 'privacyDaily', holder, 60_000, now),
    now,
    allRows: async () => {
      const rows = new Map<string, StoredRow>();
      for (const key of Object.keys(PERSONAL_TABLES) as PersonalTableKey[]) {
        for await (const row of everyRow(tables[key])) rows.set(`${PERSONAL_TABLES[key]}|${row.partitionKey}|${row.rowKey}`, row);
      }
      return rows;
    },
  };
}

export interface SeededPair {
  readonly mentor: PersonRef;
  readonly youngPersonId: string;
  readonly reference: string;
  readonly firstName: string;
  readonly matchId: string;
}

/** `count` pairs, numbered from 1, each seeded with the options `optionsFor` gives its number. */
export async function seedPairs(world: PrivacyWorld, count: number, optionsFor: (index: number) => { months: number; since: Date; endedOn?: string }): Promise<SeededPair[]> {
  const pairs: SeededPair[] = [];
  for (let index = 1; index <= count; index += 1) pairs.push(await seedPair(world, index, optionsFor(index)));
  return pairs;
}

/** The three pairs a restriction test needs: one whose mentor it restricts, one whose young person, and one left free. */
export interface RestrictionCases {
  readonly mentorRestricted: SeededPair;
  readonly youngPersonRestricted: SeededPair;
  readonly free: SeededPair;
}

export async function seedRestrictionCases(world: PrivacyWorld, options: { months: number; since: Date }): Promise<RestrictionCases> {
  return { mentorRestricted: await seedPair(world, 1, options), youngPersonRestricted: await seedPair(world, 2, options), free: await seedPair(world, 3, options) };
}

/**
 * A mentor and a young person matched, with a history: the mentor's record and its audit, their matching row, the young
 * person's record (read twice by the coordinator), the match and its meetings and claims for `months` months, a session
 * booked, a broadcast received, a supervision answer, a concern raised, the chat address, and a message owed.
 */
export async function seedPair(world: PrivacyWorld, index: number, options: { months: number; since: Date; endedOn?: string }): Promise<SeededPair> {
  const hex = index.toString(16).padStart(4, '0');
  const mentor: PersonRef = { id: `a000${hex}-0000-4000-8000-00000000${hex}`, name: `Mentor Number${index}` };
  world.people.set(mentor.id, mentor);
  const youngPersonId = `b000${hex}-0000-4000-8000-00000000${hex}`;
  const reference = `LC-${10000 + index}`;
  const firstName = `Robin${index}`;
  const matchId = `m000${hex}-0000-4000-8000-00000000${hex}`;
  const at = options.since.toISOString();
  const base = newMentor(mentor, { jobTitle: 'Head of Service', department: 'Place' }, options.since);
  const stored: Mentor = { ...base, stage: options.endedOn ? 'ended' : 'active', details: { role: 'seniorManager', directorateOrWard: 'Place', jobTitle: 'Head of Service', worksInChildrensServices: false, motivation: `I want to help ${index}` } };
  await world.mentors.save({ value: stored, audit: [{ at, actor: mentor, action: 'signUp', subjectId: mentor.id }], effects: [] });
  const records = new MentorMatchingRepository(world.tables.matching, { signal: async () => undefined }, world.now);
  await records.save({ value: { mentorId: mentor.id, activeMatches: options.endedOn ? [] : [{ matchId, youngPersonId }], conflicts: [] }, audit: [{ at, actor: COORDINATOR, action: 'recordDbs', subjectId: mentor.id }], effects: [] });
  const match: Match = { id: matchId, mentorId: mentor.id, youngPersonId, startedOn: at.slice(0, 10), status: options.endedOn ? 'ended' : 'active', ...(options.endedOn ? { endedOn: options.endedOn } : {}) };
  await world.youngPeople.commit({
    youngPersonId,
    youngPerson: { value: youngPerson({ id: youngPersonId, reference, firstName, status: options.endedOn ? 'closed' : 'matched', createdAt: at, updatedAt: options.endedOn ? `${options.endedOn}T12:00:00.000Z` : at }) },
    match,
    audit: [{ at, actor: COORDINATOR, action: 'match', subjectId: youngPersonId }, { at, actor: mentor, action: 'acceptMatch', subjectId: youngPersonId }],
    effects: [],
  });
  await world.accessLog.record({ reader: COORDINATOR, purpose: 'view' }, [youngPersonId]);
  const relationship: Relationship = { matchId, mentorId: mentor.id, youngPersonId, startedOn: at.slice(0, 10), status: options.endedOn ? 'ended' : 'active', nudgedMonths: [], alertedMonths: [], createdAt: at };
  await world.relationships.commit({ matchId, relationship: { value: relationship }, audit: [{ at, actor: COORDINATOR, action: 'relationshipStarted', subjectId: matchId }], effects: [] });
  for (let month = 0; month < options.months; month += 1) {
    const day = new Date(Date.UTC(options.since.getUTCFullYear(), options.since.getUTCMonth() + month, 10));
    const date = day.toISOString().slice(0, 10);
    const claimId = `c-${index}-${month}`;
    await world.relationships.commit({
      matchId,
      meeting: { id: `g-${index}-${month}`, matchId, mentorId: mentor.id, date, minutes: 90 + month, mode: 'inPerson', focus: `Talked about college with ${firstName}`, claimId, loggedAt: day.toISOString() },
      claim: { value: { id: claimId, matchId, mentorId: mentor.id, date, amountPence: 500 + index, purpose: 'Coffee', state: 'approved', submittedAt: day, decidedBy: COORDINATOR.id, decidedAt: day } },
      audit: [{ at: day.toISOString(), actor: mentor, action: 'logMeeting', subjectId: matchId }],
      effects: month === options.months - 1 ? [{ id: `nudge-${index}`, recipientId: mentor.id, message: { type: 'commitmentNudge', matchId, month: date.slice(0, 7) } }] : [],
    });
  }
  await world.sessions.save({ session: aSession({ id: `s-${index}`, bookings: [{ personId: mentor.id, displayName: mentor.name, status: 'confirmed', bookedAt: at }] }), version: 1, audit: [{ at, actor: mentor, action: 'book', subjectId: `s-${index}` }], effects: [] });
  await world.broadcasts.create({ id: `b-${index}`, createdBy: COORDINATOR, createdAt: at, content: { text: `Welcome to cohort ${index}` }, audienceLabel: 'Named people', total: 1 }, [mentor.id], options.since);
  await new SupervisionRepository(world.tables.supervision).answer(`q-${index}`, mentor.id, 'attend', options.since);
  await new ConcernRepository(world.tables.concerns, { signal: async () => undefined }, world.now).save({
    value: { id: `k-${index}`, matchId, raisedBy: mentor.id, urgency: 'support', raisedAt: options.since, notifiedCount: 1 },
    audit: [{ at, actor: mentor, action: 'raiseConcern', subjectId: `k-${index}` }],
    effects: [],
  });
  await new ConversationRepository(world.tables.conversations).remember({ personId: mentor.id, teamsUserId: `29:${mentor.id}`, conversationId: `a:${mentor.id}`, serviceUrl: 'https://smba.example/' });
  return { mentor, youngPersonId, reference, firstName, matchId };
}

/** Whether a stored row names someone: their id (raw or as a key), their name, case reference or first name. */
export function mentions(row: StoredRow, words: readonly string[]): boolean {
  const text = JSON.stringify(row).toLowerCase();
  return words.some((word) => text.includes(word.toLowerCase()) || text.includes(encodeURIComponent(word).toLowerCase()));
}

export interface CapabilityDeps {
  readonly journey: JourneyDeps;
  readonly matching: MatchingDeps;
  readonly relationship: RelationshipDeps;
  readonly sessions: SessionDeps;
}

/** The journey, matching, relationship and sessions use cases' deps over the world's tables, honouring its stored restrictions. */
export function depsHonouringRestrictions(world: PrivacyWorld): CapabilityDeps {
  const noSignal = { signal: async () => undefined };
  const restricted = restrictionList(world.store);
  const journey: JourneyDeps = { mentors: world.mentors, directory: world.deps.directory, roles: world.deps.schemeRoles, clock: world.deps.clock, restricted };
  const records = new MentorMatchingRepository(world.tables.matching, noSignal, world.now);
  const matching: MatchingDeps = { journey, records, youngPeople: world.youngPeople, policy: DEFAULT_MATCHING_POLICY, contacts: {}, areas: DEFAULT_AREAS, newId: () => 'new-id' };
  const relationship: RelationshipDeps = {
    journey,
    matches: new StoredActiveMatches(world.tables.youngPeople, records, world.youngPeople),
    matching: new StoredMatchingSide(world.tables.youngPeople, records, world.youngPeople),
    relationships: world.relationships,
    concerns: new ConcernRepository(world.tables.concerns, noSignal, world.now),
    contacts: { dutyContactIds: [], serviceManagerIds: [], leavingCareTeamIds: [] },
    policy: { claims: DEFAULT_CLAIM_POLICY, concerns: DEFAULT_CONCERN_POLICY, nudgeDaysBeforeMonthEnd: 7, timeZone: 'Europe/London' },
    newId: () => 'new-id',
  };
  return { journey, matching, relationship, sessions: { ...journey, sessions: world.sessions } };
}
