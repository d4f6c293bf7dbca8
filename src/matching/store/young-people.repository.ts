import { odata, type TableClient, type TableEntity } from '@azure/data-tables';
import type { Versioned } from '../../platform/app/ports.js';
import type { ReadAccess, RecordRead, YoungPeopleStore, YoungPersonWrite } from '../app/matching-ports.js';
import type { Match, Proposal } from '../domain/index.js';
import { matchesSearch, searchKeyOf, YOUNG_PERSON_STATUSES, type YoungPeopleSearch, type YoungPerson, type YoungPersonStatus } from '../domain/young-people/index.js';
import type { EffectSignal } from '../../platform/storage/effect-queue.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import type { RowWrite } from '../../platform/storage/partition-commit.js';
import { encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { matchSchema, proposalSchema, youngPersonSchema } from './matching-schemas.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';
import type { YoungPersonAccessLog } from './young-person-access.log.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const RECORD_ROW = 'youngPerson';
const PROPOSAL_PREFIX = 'proposal|';
const MATCH_PREFIX = 'match|';

interface YoungPersonEntity extends DataEntity {
  status?: string;
  since?: string;
  /** Reference, first name and initials, lower case: a search is decided from it without reading the record. */
  searchKey?: string;
}

export function toEntity(youngPerson: YoungPerson): YoungPersonEntity {
  return {
    partitionKey: encodeKey(youngPerson.id),
    rowKey: RECORD_ROW,
    status: youngPerson.status,
    since: youngPerson.updatedAt,
    searchKey: searchKeyOf(youngPerson),
    data: JSON.stringify(youngPerson),
  };
}

export function toDomain(entity: YoungPersonEntity): YoungPerson {
  return checked(youngPersonSchema, entity.data);
}

/**
 * A schema error quotes the value it refused; for a young person's record that value must not reach a log line, so the
 * error says only which field was wrong.
 */
function checked<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: (string | number)[] }[] } } }, data: string): T {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new Error('A stored young people row is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`A stored young people row failed its schema at: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}.`);
}

/**
 * Young people's records in their own table ('YoungPeople'), one partition per young person holding the record, the
 * proposals made for them, their match, its audit entries and its outbox rows: a match and the young person's change to
 * "matched" are one transaction. Every read of a record is logged first, in the access log.
 */
export class YoungPeopleRepository extends PartitionStore implements YoungPeopleStore {
  constructor(
    table: TableClient,
    private readonly accessLog: YoungPersonAccessLog,
    signal: EffectSignal,
    now: () => Date,
  ) {
    super(table, signal, now);
  }

  async get(youngPersonId: string, access: ReadAccess): Promise<Versioned<YoungPerson> | undefined> {
    await this.accessLog.record(access, [youngPersonId]);
    return this.readRow(encodeKey(youngPersonId), RECORD_ROW, toDomain);
  }

  async list(access: ReadAccess, status?: YoungPersonStatus | 'open'): Promise<Versioned<YoungPerson>[]> {
    const filter =
      status === 'open'
        ? odata`RowKey eq ${RECORD_ROW} and status ne ${'closed'}`
        : status
          ? odata`RowKey eq ${RECORD_ROW} and status eq ${status}`
          : odata`RowKey eq ${RECORD_ROW}`;
    // Ids first, logged, and only then the records: nothing personal is read before the reads are on record.
    const ids: string[] = [];
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter, select: ['PartitionKey'] } })) {
      ids.push(decodeURIComponent(entity.partitionKey));
    }
    await this.accessLog.record(access, ids);
    const found: Versioned<YoungPerson>[] = [];
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter } })) {
      if (ids.includes(decodeURIComponent(entity.partitionKey))) found.push({ value: toDomain(entity), etag: entity.etag });
    }
    return found;
  }

  async countByStatus(): Promise<Record<YoungPersonStatus, number>> {
    const counts = Object.fromEntries(YOUNG_PERSON_STATUSES.map((status) => [status, 0])) as Record<YoungPersonStatus, number>;
    const filter = odata`RowKey eq ${RECORD_ROW}`;
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter, select: ['status'] } })) {
      const status = entity.status as YoungPersonStatus | undefined;
      if (status && status in counts) counts[status] += 1;
    }
    return counts;
  }

  async waitingSince(): Promise<{ youngPersonId: string; since: string }[]> {
    const filter = odata`RowKey eq ${RECORD_ROW} and status eq ${'waiting'}`;
    const found: { youngPersonId: string; since: string }[] = [];
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter, select: ['PartitionKey', 'since'] } })) {
      found.push({ youngPersonId: decodeURIComponent(entity.partitionKey), since: entity.since ?? '' });
    }
    return found;
  }

  async openIndex(search?: YoungPeopleSearch): Promise<{ youngPersonId: string; status: YoungPersonStatus; since: string }[]> {
    const filter = odata`RowKey eq ${RECORD_ROW} and status ne ${'closed'}`;
    const found: { youngPersonId: string; status: YoungPersonStatus; since: string }[] = [];
    const select = ['PartitionKey', 'status', 'since', ...(search ? ['searchKey'] : [])];
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter, select } })) {
      // The search column is compared here and goes no further: only the page shown is read, and logged.
      if (search && !matchesSearch(search, entity.searchKey)) continue;
      found.push({ youngPersonId: decodeURIComponent(entity.partitionKey), status: entity.status as YoungPersonStatus, since: entity.since ?? '' });
    }
    return found;
  }

  async getMany(youngPersonIds: readonly string[], access: ReadAccess): Promise<Versioned<YoungPerson>[]> {
    if (youngPersonIds.length === 0) return [];
    await this.accessLog.record(access, youngPersonIds);
    // One query for the page rather than a point read each (25 point reads at once queue behind one another).
    const partitions = youngPersonIds.map((id) => odata`PartitionKey eq ${encodeKey(id)}`).join(' or ');
    const filter = `RowKey eq '${RECORD_ROW}' and (${partitions})`;
    const found: Versioned<YoungPerson>[] = [];
    for await (const entity of this.table.listEntities<YoungPersonEntity>({ queryOptions: { filter } })) found.push({ value: toDomain(entity), etag: entity.etag });
    return found;
  }

  async getProposal(youngPersonId: string, proposalId: string): Promise<Versioned<Proposal> | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<DataEntity>(encodeKey(youngPersonId), PROPOSAL_PREFIX + encodeKey(proposalId)));
    return entity ? { value: checked(proposalSchema, entity.data), etag: entity.etag } : undefined;
  }

  async getMatch(youngPersonId: string, matchId: string): Promise<Match | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<DataEntity>(encodeKey(youngPersonId), MATCH_PREFIX + encodeKey(matchId)));
    return entity ? checked(matchSchema, entity.data) : undefined;
  }

  async matchesOf(youngPersonId: string): Promise<Versioned<Match>[]> {
    const range = prefixRange(MATCH_PREFIX);
    const filter = odata`PartitionKey eq ${encodeKey(youngPersonId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const found: Versioned<Match>[] = [];
    for await (const entity of this.table.listEntities<DataEntity>({ queryOptions: { filter } })) found.push({ value: checked(matchSchema, entity.data), etag: entity.etag });
    return found.sort((a, b) => a.value.startedOn.localeCompare(b.value.startedOn));
  }

  async readsOf(youngPersonId: string, limit: number): Promise<readonly RecordRead[]> {
    const reads: RecordRead[] = [];
    for await (const entry of this.accessLog.readsOf(youngPersonId)) {
      reads.push({ at: entry.at, readerId: entry.readerId, readerName: entry.readerName, purpose: entry.purpose });
    }
    return reads.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }

  async commit(write: YoungPersonWrite): Promise<void> {
    const partitionKey = encodeKey(write.youngPersonId);
    const rows: RowWrite[] = [];
    const put = (entity: TableEntity, etag: string | undefined): void => void rows.push({ entity, ...(etag ? { etag } : {}) });
    if (write.youngPerson) put({ ...toEntity(write.youngPerson.value) }, write.youngPerson.etag);
    if (write.proposal) {
      const proposal = write.proposal.value;
      put({ partitionKey, rowKey: PROPOSAL_PREFIX + encodeKey(proposal.id), status: proposal.status, data: JSON.stringify(proposal) }, write.proposal.etag);
    }
    if (write.match) {
      put({ partitionKey, rowKey: MATCH_PREFIX + encodeKey(write.match.id), data: JSON.stringify(write.match) }, undefined);
    }
    if (write.matchChange) {
      put({ partitionKey, rowKey: MATCH_PREFIX + encodeKey(write.matchChange.value.id), data: JSON.stringify(write.matchChange.value) }, write.matchChange.etag);
    }
    await this.writer.commit({ partitionKey, rows, audit: write.audit, effects: write.effects });
  }
}
