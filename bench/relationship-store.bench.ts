import { TableTransaction, type TableEntity } from '@azure/data-tables';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { monthlySummary } from '../src/relationship/app/summary.js';
import type { RelationshipDeps, StoredMeeting } from '../src/relationship/app/relationship-ports.js';
import { newRelationship } from '../src/relationship/app/relationship-record.js';
import type { Match } from '../src/matching/domain/index.js';
import { DEFAULT_CLAIM_POLICY, DEFAULT_CONCERN_POLICY, formatLocalDate, submitClaim } from '../src/relationship/domain/index.js';
import { ConcernRepository } from '../src/relationship/store/concern.repository.js';
import { EffectQueue } from '../src/platform/storage/effect-queue.js';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { encodeKey } from '../src/platform/storage/keys.js';
import { StoredActiveMatches, StoredMatchingSide } from '../src/relationship/store/matching-side.adapter.js';
import { MentorMatchingRepository } from '../src/matching/store/mentor-matching.repository.js';
import { MentorRepository } from '../src/journey/store/mentor.repository.js';
import { claimToEntity, meetingToEntity, RelationshipRepository } from '../src/relationship/store/relationship.repository.js';
import { storageClients } from '../src/platform/storage/storage-clients.js';
import { openTable } from '../src/platform/storage/tables.js';
import { YoungPersonAccessLog } from '../src/matching/store/young-person-access.log.js';
import { YoungPeopleRepository } from '../src/matching/store/young-people.repository.js';
import { endpointPort, throughProxies } from '../test/support/storage-endpoints.js';
import { CountingProxy } from './support/counting-proxy.js';
import { MATCHES, MONTHS, relationshipBenchData } from './support/relationship-data.js';

const RUNS = 5;
const COORDINATOR = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Coordinator' };
const AS_OF = new Date('2026-07-02T09:00:00Z');

/**
 * The coordinator's monthly summary as the bot runs it: read from Azurite (active matches, relationship rows, every
 * meeting's date and minutes, the month's claims), then the pure summary. 500 matches, 18 months of meetings.
 */
export async function benchRelationshipStore(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const counting = await new CountingProxy(endpointPort(azurite.connectionString, 'Table')).start();
  const queues = await new CountingProxy(endpointPort(azurite.connectionString, 'Queue')).start();
  try {
    const clients = storageClients({ kind: 'connectionString', connectionString: throughProxies(azurite.connectionString, counting, queues) });
    const [mentorsTable, matchingTable, youngPeopleTable, accessTable, relationshipsTable, concernsTable] = await Promise.all(
      ['Mentors', 'MentorMatching', 'YoungPeople', 'YoungPersonAccess', 'Relationships', 'SupportConcerns'].map((name) => openTable(clients, `bench${name}`)),
    );
    const queueClient = clients.queue('bench-effects');
    await queueClient.createIfNotExists();
    const queue = new EffectQueue(queueClient, () => new Date());
    const now = () => AS_OF;
    const records = new MentorMatchingRepository(matchingTable!, queue, now);
    const youngPeople = new YoungPeopleRepository(youngPeopleTable!, new YoungPersonAccessLog(accessTable!, now), queue, now);
    const deps: RelationshipDeps = {
      journey: {
        mentors: new MentorRepository(mentorsTable!, queue, now),
        directory: { getPerson: async () => undefined, getManager: async () => undefined },
        roles: { coordinators: [COORDINATOR], governanceApprovers: [COORDINATOR], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: (id) => id === COORDINATOR.id },
        clock: { now },
        restricted: { restrictedIds: async () => new Set<string>() },
      },
      matches: new StoredActiveMatches(youngPeopleTable!, records, youngPeople),
      matching: new StoredMatchingSide(youngPeopleTable!, records, youngPeople),
      relationships: new RelationshipRepository(relationshipsTable!, queue, now),
      concerns: new ConcernRepository(concernsTable!, queue, now),
      contacts: { dutyContactIds: [], serviceManagerIds: [], leavingCareTeamIds: [] },
      policy: { claims: DEFAULT_CLAIM_POLICY, concerns: DEFAULT_CONCERN_POLICY, nudgeDaysBeforeMonthEnd: 7, timeZone: 'Europe/London' },
      newId: () => 'x',
    };

    const data = relationshipBenchData();
    const meetingsOf = groupBy(data.meetings, (meeting) => meeting.matchId);
    const claimsOf = groupBy(data.claims, (claim) => claim.matchId);
    let meetingCount = 0;
    let claimCount = 0;
    const seedStarted = performance.now();
    for (const { matchId, mentorId, startedAt } of data.matches) {
      const startedOn = formatLocalDate({ year: startedAt.getUTCFullYear(), month: startedAt.getUTCMonth() + 1, day: startedAt.getUTCDate() });
      const match: Match = { id: matchId, mentorId, youngPersonId: `yp-${matchId}`, startedOn, status: 'active' };
      await youngPeopleTable!.createEntity({ partitionKey: encodeKey(match.youngPersonId), rowKey: `match|${encodeKey(match.id)}`, data: JSON.stringify(match) });
      const rows: TableEntity[] = [];
      const minutesByMonth: Record<string, number> = {};
      (meetingsOf.get(matchId) ?? []).forEach(({ date, minutes }, m) => {
        const meeting: StoredMeeting = { id: `${match.id}-${m}`, matchId, mentorId, date, minutes, mode: 'inPerson', focus: 'Bench', loggedAt: AS_OF.toISOString() };
        rows.push({ ...meetingToEntity(meeting) });
        minutesByMonth[date.slice(0, 7)] = (minutesByMonth[date.slice(0, 7)] ?? 0) + minutes;
        meetingCount += 1;
      });
      // Stored as submitted: the summary reads claims whatever their state.
      (claimsOf.get(matchId) ?? []).forEach(({ date, amountPence }, c) => {
        rows.push({ ...claimToEntity(submitClaim({ amountPence, purpose: 'Tea' }, { id: `${match.id}-claim-${c}`, matchId, mentorId, date, now: AS_OF })) });
        claimCount += 1;
      });
      rows.unshift({ partitionKey: encodeKey(match.id), rowKey: 'relationship', data: JSON.stringify({ ...newRelationship(match, AS_OF), minutesByMonth }) });
      for (let from = 0; from < rows.length; from += 100) {
        const transaction = new TableTransaction();
        for (const row of rows.slice(from, from + 100)) transaction.createEntity(row);
        await relationshipsTable!.submitTransaction(transaction.actions);
      }
    }
    const seedMs = performance.now() - seedStarted;

    await monthlySummary(deps, COORDINATOR, '2026-06'); // warm-up
    const times: number[] = [];
    let requests = 0;
    let rows = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const before = counting.count;
      const started = performance.now();
      const result = await monthlySummary(deps, COORDINATOR, '2026-06');
      times.push(performance.now() - started);
      requests = counting.count - before;
      if (result.ok) rows = result.value.summary.matches.length;
    }
    const parts: string[] = [];
    for (const [name, read] of [
      ['matches', () => deps.matches.list()],
      ['relationship rows', () => deps.relationships.list()],
      ["the month's claims", () => deps.relationships.claimsForMonth('2026-06')],
      ["60 mentors' names", () => Promise.all(Array.from({ length: 60 }, (_, i) => deps.journey.mentors.get(`mentor-${i}`)))],
    ] as const) {
      const started = performance.now();
      await read();
      parts.push(`${name} ${(performance.now() - started).toFixed(0)} ms`);
    }
    times.sort((a, b) => a - b);
    console.log(
      `relationship (stored): monthly summary from Azurite, ${MATCHES} matches × ${MONTHS} months (${meetingCount} meetings, ${claimCount} claims; seeded in ${(seedMs / 1000).toFixed(1)} s): ` +
        `median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms of ${RUNS} runs (min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)}), ${requests} table requests, ${rows} rows; reads alone: ${parts.join(', ')}`,
    );
  } finally {
    await counting.stop();
    await queues.stop();
    await azurite.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRelationshipStore();
  process.exit(0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
