import { type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { newMentor, type Mentor } from '../src/journey/domain/index.js';
import { toEntity as mentorEntity } from '../src/journey/store/mentor.repository.js';
import { toEntity as matchingEntity } from '../src/matching/store/mentor-matching.repository.js';
import { YoungPersonAccessLog } from '../src/matching/store/young-person-access.log.js';
import { toEntity as youngPersonEntity, YoungPeopleRepository } from '../src/matching/store/young-people.repository.js';
import type { SchemeRoles } from '../src/platform/app/ports.js';
import type { PersonRef } from '../src/platform/kernel/person.js';
import { auditEntity } from '../src/platform/storage/audit-entity.js';
import { EffectQueue } from '../src/platform/storage/effect-queue.js';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { encodeKey } from '../src/platform/storage/keys.js';
import { TableLease } from '../src/platform/storage/table-lease.js';
import { storageClients } from '../src/platform/storage/storage-clients.js';
import { openTable } from '../src/platform/storage/tables.js';
import type { PrivacyDeps } from '../src/privacy/app/privacy-ports.js';
import { retentionDryRun, runRetention } from '../src/privacy/app/retention-run.js';
import { exportSubjectAccess, startSubjectAccess, type SubjectRef } from '../src/privacy/app/subject-access-requests.js';
import { DEFAULT_RETENTION } from '../src/privacy/domain/index.js';
import { StoredPersonEraser } from '../src/privacy/store/person.eraser.js';
import { StoredPersonalData } from '../src/privacy/store/personal-data.reader.js';
import { openPersonalTables, type PersonalTables } from '../src/privacy/store/personal-tables.js';
import { PrivacyRepository } from '../src/privacy/store/privacy.repository.js';
import { StoredRetentionRecords } from '../src/privacy/store/retention.records.js';
import { claimToEntity, meetingToEntity } from '../src/relationship/store/relationship.repository.js';
import { toEntity as sessionEntity } from '../src/sessions/store/session.repository.js';
import { youngPerson } from '../test/matching/domain/fixtures.js';
import { aSession } from '../test/sessions/domain/session.fixture.js';

const MENTORS = 500;
const YOUNG_PEOPLE = 300;
const MONTHS = 18;
const RUNS = 5;
const FIRST_MONTH = Date.UTC(2024, 0, 10);
const NOW = new Date('2026-12-01T09:00:00Z');
/** The removal runs the day after the dry run, as in a deployment (the first run only reports). */
const NEXT_DAY = new Date('2026-12-02T09:00:00Z');
let clock = NOW;
const COORDINATOR: PersonRef = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Coordinator' };

const mentorId = (i: number) => `a${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`;
const youngPersonId = (i: number) => `yp-${i}`;
const matchId = (i: number) => `match-${i}`;

/**
 * Subject access and retention over a store of 500 mentors, 300 young people (each matched, 100 of them closed a year
 * ago), 18 months of meetings and claims per match, their reads, a training session with every mentor booked, and a
 * broadcast to every mentor. Seeded through the stores' own mappers in transactions, then timed through the use cases.
 */
export async function benchPrivacy(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  try {
    const clients = storageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
    const tables = await openPersonalTables((name) => openTable(clients, `bench${name}`));
    const queueClient = clients.queue('bench-effects');
    await queueClient.createIfNotExists();
    const now = () => clock;
    const queue = new EffectQueue(queueClient, now);
    const seedStarted = performance.now();
    const rows = await seed(tables);
    const seedMs = performance.now() - seedStarted;
    const deps = depsOver(tables, queue);

    const exportOf = async (ref: SubjectRef): Promise<{ times: number[]; rows: number }> => {
      const started = await startSubjectAccess(deps, COORDINATOR, ref);
      if (!started.ok) throw new Error(started.error.message);
      const times: number[] = [];
      let count = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const begun = performance.now();
        const exported = await exportSubjectAccess(deps, COORDINATOR, started.value.request.id);
        times.push(performance.now() - begun);
        if (exported.ok) count = exported.value.document.rows.length;
      }
      return { times: times.sort((a, b) => a - b), rows: count };
    };
    const mentor = await exportOf({ kind: 'mentor', personId: mentorId(7) });
    const young = await exportOf({ kind: 'youngPerson', reference: 'LC-7' });

    const lease = new TableLease(await openTable(clients, 'benchLeases'), 'privacyDaily', 'bench', 60_000, now);
    const dryStarted = performance.now();
    const dry = await retentionDryRun(deps, COORDINATOR);
    const dryMs = performance.now() - dryStarted;
    clock = NEXT_DAY;
    const findStarted = performance.now();
    await deps.retention.due(deps.schedule, '2026-12-02', new Set());
    const findMs = performance.now() - findStarted;
    const removalStarted = performance.now();
    const removal = await runRetention(deps, lease);
    const removalMs = performance.now() - removalStarted;
    const removed = removal.ran ? Object.values(removal.counts).reduce((sum, count) => sum + (count ?? 0), 0) : 0;

    const median = (times: number[]) => times[Math.floor(times.length / 2)]!.toFixed(0);
    console.log(`privacy: store of ${MENTORS} mentors, ${YOUNG_PEOPLE} young people, ${MONTHS} months of meetings (${rows} rows, seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    console.log(`  subject access export, a matched mentor: median ${median(mentor.times)} ms of ${RUNS} (min ${mentor.times[0]!.toFixed(0)}, max ${mentor.times.at(-1)!.toFixed(0)}), ${mentor.rows} rows (target < 2000 ms)`);
    console.log(`  subject access export, a young person: median ${median(young.times)} ms of ${RUNS} (min ${young.times[0]!.toFixed(0)}, max ${young.times.at(-1)!.toFixed(0)}), ${young.rows} rows (target < 2000 ms)`);
    console.log(`  retention dry run: ${dryMs.toFixed(0)} ms, ${JSON.stringify(dry.ok ? dry.value : {})}`);
    console.log(`  retention run (removal): ${(removalMs / 1000).toFixed(1)} s (finding what is due alone: ${(findMs / 1000).toFixed(1)} s), ${removed} records removed ${JSON.stringify(removal.ran ? removal.counts : {})} (target < 30 s)`);
  } finally {
    await azurite.stop();
  }
}

function depsOver(tables: PersonalTables, queue: EffectQueue): PrivacyDeps {
  const now = () => clock;
  const accessLog = new YoungPersonAccessLog(tables.access, now);
  const store = new PrivacyRepository(tables.privacy, queue, now);
  const roles: SchemeRoles = { coordinators: [COORDINATOR], governanceApprovers: [COORDINATOR], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: (id) => id === COORDINATOR.id };
  return {
    store,
    personalData: new StoredPersonalData(tables, new YoungPeopleRepository(tables.youngPeople, accessLog, queue, now), accessLog),
    retention: new StoredRetentionRecords(tables),
    eraser: new StoredPersonEraser(tables),
    schemeRoles: roles,
    privacyRoles: { dataProtectionOfficers: [], isDataProtectionOfficer: () => false },
    directory: { getPerson: async (id) => ({ id, name: `Mentor ${id.slice(1, 8)}` }), getManager: async () => undefined },
    clock: { now },
    schedule: DEFAULT_RETENTION,
    newId: () => `request-${Math.random().toString(36).slice(2)}`,
    tell: (effects) => store.queueNotices(effects),
    reminderDays: 7,
  };
}

async function seed(tables: PersonalTables): Promise<number> {
  let count = 0;
  const write = async (table: TableClient, entities: readonly TableEntity[]): Promise<void> => {
    const byPartition = new Map<string, TableEntity[]>();
    for (const entity of entities) byPartition.set(entity.partitionKey, [...(byPartition.get(entity.partitionKey) ?? []), entity]);
    const batches: TableEntity[][] = [];
    for (const group of byPartition.values()) for (let from = 0; from < group.length; from += 100) batches.push(group.slice(from, from + 100));
    for (let from = 0; from < batches.length; from += 8) {
      await Promise.all(batches.slice(from, from + 8).map((batch) => table.submitTransaction(batch.map((entity): TransactionAction => ['create', entity]))));
    }
    count += entities.length;
  };
  const at = new Date(FIRST_MONTH);
  const mentors: TableEntity[] = [];
  const matching: TableEntity[] = [];
  for (let i = 0; i < MENTORS; i += 1) {
    const person = { id: mentorId(i), name: `Mentor ${i}` };
    const mentor: Mentor = { ...newMentor(person, { jobTitle: 'Head of Service' }, at), stage: i < YOUNG_PEOPLE ? 'active' : i < 450 ? 'trained' : 'declined' };
    mentors.push({ ...mentorEntity(mentor) }, auditEntity(encodeKey(person.id), { at: at.toISOString(), actor: person, action: 'signUp', subjectId: person.id }, 0));
    matching.push({ ...matchingEntity({ mentorId: person.id, activeMatches: i < 200 ? [{ matchId: matchId(i), youngPersonId: youngPersonId(i) }] : [], conflicts: [] }) });
  }
  await write(tables.mentors, mentors);
  await write(tables.matching, matching);
  const young: TableEntity[] = [];
  const relationships: TableEntity[] = [];
  const access: TableEntity[] = [];
  for (let i = 0; i < YOUNG_PEOPLE; i += 1) {
    const closed = i >= 200;
    const record = youngPerson({ id: youngPersonId(i), reference: `LC-${i}`, firstName: `Young${i}`, status: closed ? 'closed' : 'matched', updatedAt: closed ? '2025-07-01T10:00:00.000Z' : at.toISOString() });
    young.push({ ...youngPersonEntity(record) });
    young.push({ partitionKey: encodeKey(record.id), rowKey: `match|${encodeKey(matchId(i))}`, data: JSON.stringify({ id: matchId(i), mentorId: mentorId(i), youngPersonId: record.id, startedOn: '2024-01-10', status: closed ? 'ended' : 'active' }) });
    young.push(auditEntity(encodeKey(record.id), { at: at.toISOString(), actor: COORDINATOR, action: 'match', subjectId: record.id }, 0));
    const relationship = { matchId: matchId(i), mentorId: mentorId(i), youngPersonId: record.id, startedOn: '2024-01-10', status: closed ? 'ended' : 'active', nudgedMonths: [], alertedMonths: [], createdAt: at.toISOString() };
    relationships.push({ partitionKey: encodeKey(matchId(i)), rowKey: 'relationship', data: JSON.stringify(relationship) });
    for (let month = 0; month < MONTHS; month += 1) {
      const day = new Date(Date.UTC(2024, month, 10, 12));
      const date = day.toISOString().slice(0, 10);
      relationships.push({ ...meetingToEntity({ id: `${i}-${month}`, matchId: matchId(i), mentorId: mentorId(i), date, minutes: 90, mode: 'inPerson', focus: 'College applications', claimId: `${i}-${month}`, loggedAt: day.toISOString() }) });
      relationships.push({ ...claimToEntity({ id: `${i}-${month}`, matchId: matchId(i), mentorId: mentorId(i), date, amountPence: 650, purpose: 'Coffee', state: 'paid', submittedAt: day }) });
      relationships.push(auditEntity(encodeKey(matchId(i)), { at: day.toISOString(), actor: { id: mentorId(i), name: `Mentor ${i}` }, action: 'logMeeting', subjectId: matchId(i) }, month));
      access.push({ partitionKey: date, rowKey: `${day.toISOString()}|${String(i).padStart(5, '0')}`, at: day.toISOString(), readerId: COORDINATOR.id, readerName: COORDINATOR.name, youngPersonId: record.id, purpose: 'view' });
    }
  }
  await write(tables.youngPeople, young);
  await write(tables.relationships, relationships);
  await write(tables.access, access);
  const session = aSession({ id: 'training', bookings: Array.from({ length: MENTORS }, (_, i) => ({ personId: mentorId(i), displayName: `Mentor ${i}`, status: 'confirmed' as const, bookedAt: at.toISOString() })) });
  await write(tables.sessions, [sessionEntity(session, 1) as unknown as TableEntity, { partitionKey: '%sessions', rowKey: 'training', kind: 'training', startsAt: session.startsAt, endsAt: session.endsAt }]);
  const broadcast = { id: 'welcome', createdBy: COORDINATOR, createdAt: at.toISOString(), content: { text: 'Welcome to the scheme' }, audienceLabel: 'Everyone', total: MENTORS };
  await write(tables.broadcasts, [
    { partitionKey: 'welcome', rowKey: 'broadcast', data: JSON.stringify(broadcast), state: 'finished', progressAt: at.toISOString(), finishedAt: at.toISOString() },
    ...Array.from({ length: MENTORS }, (_, i) => ({ partitionKey: 'welcome', rowKey: `r|${encodeKey(mentorId(i))}`, recipientId: mentorId(i), status: 'sent', attempts: 1, notBefore: at.toISOString(), claimedUntil: at.toISOString(), sentAt: at.toISOString() })),
  ]);
  return count;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchPrivacy();
  process.exit(0);
}
