import { odata, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { Relationship, RelationshipStore, RelationshipWrite, StoredMeeting } from '../app/relationship-ports.js';
import { ConcurrencyError, type Versioned } from '../../platform/app/ports.js';
import { AGAIN, CLAIM_STATES, END_REASONS, HOW_IT_WENT, MEETING_MODES, monthOfDate, type RefreshmentClaim } from '../domain/index.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import type { RowWrite } from '../../platform/storage/partition-commit.js';
import { encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const RELATIONSHIP_ROW = 'relationship';
const MEETING_PREFIX = 'meeting|';
const CLAIM_PREFIX = 'claim|';

interface RelationshipTableEntity extends DataEntity {
  /** Plain columns for cross-partition queries: the month a meeting or claim falls in, a claim's state. */
  month?: string;
  state?: string;
  date?: string;
  minutes?: number;
}

const person = z.object({ id: z.string(), name: z.string() });
const answer = z.enum(['continue', 'end']);
const relationshipSchema: z.ZodType<Relationship> = z.object({
  matchId: z.string(),
  mentorId: z.string(),
  youngPersonId: z.string(),
  startedOn: z.string(),
  status: z.enum(['active', 'ended']),
  minutesByMonth: z.record(z.string(), z.number().int().min(0)).optional(),
  nudgedMonths: z.array(z.string()),
  alertedMonths: z.array(z.string()),
  review: z
    .object({ askedAt: z.string().optional(), mentor: answer.optional(), coordinator: answer.optional(), recordedAt: z.string().optional() })
    .optional(),
  ending: z
    .object({
      reason: z.enum(END_REASONS),
      endedBy: person,
      endedAt: z.string(),
      youngPerson: z.enum(['returnToMatchingList', 'askAboutNewMentor', 'holdForReview', 'noFurtherMatch']),
      note: z.string().optional(),
      closedRecord: z.boolean().optional(),
      mentorNext: z.enum(['offerAgain', 'stepDown']).optional(),
      settledAt: z.string().optional(),
    })
    .optional(),
  feedback: z
    .object({
      mentor: z.object({ howItWent: z.enum(HOW_IT_WENT), again: z.enum(AGAIN), comment: z.string(), at: z.string(), by: person }).optional(),
      youngPerson: z.object({ howItWent: z.enum(HOW_IT_WENT), again: z.enum(AGAIN), comment: z.string(), at: z.string(), by: person }).optional(),
    })
    .optional(),
  checkIns: z
    .object({ prompted: z.array(z.string()), logged: z.array(z.object({ key: z.string(), at: z.string(), by: person })) })
    .optional(),
  createdAt: z.string(),
});

const meetingSchema: z.ZodType<StoredMeeting> = z.object({
  id: z.string(),
  matchId: z.string(),
  mentorId: z.string(),
  date: z.string(),
  minutes: z.number().int(),
  mode: z.enum(MEETING_MODES),
  focus: z.string(),
  claimId: z.string().optional(),
  loggedAt: z.string(),
});

const claimJson = z.object({
  id: z.string(),
  matchId: z.string(),
  mentorId: z.string(),
  date: z.string(),
  amountPence: z.number().int().positive(),
  purpose: z.string(),
  note: z.string().optional(),
  state: z.enum(CLAIM_STATES),
  submittedAt: z.string(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  paidBy: z.string().optional(),
  paidAt: z.string().optional(),
});

export function claimToEntity(claim: RefreshmentClaim): RelationshipTableEntity {
  const { submittedAt, decidedAt, paidAt, ...rest } = claim;
  const json = {
    ...rest,
    submittedAt: submittedAt.toISOString(),
    ...(decidedAt ? { decidedAt: decidedAt.toISOString() } : {}),
    ...(paidAt ? { paidAt: paidAt.toISOString() } : {}),
  };
  return {
    partitionKey: encodeKey(claim.matchId),
    rowKey: CLAIM_PREFIX + encodeKey(claim.id),
    month: monthOfDate(claim.date),
    state: claim.state,
    data: JSON.stringify(json),
  };
}

export function claimToDomain(entity: RelationshipTableEntity): RefreshmentClaim {
  const { submittedAt, decidedAt, paidAt, note, decidedBy, rejectionReason, paidBy, ...rest } = claimJson.parse(JSON.parse(entity.data));
  return {
    ...rest,
    submittedAt: new Date(submittedAt),
    ...(note !== undefined ? { note } : {}),
    ...(decidedBy !== undefined ? { decidedBy } : {}),
    ...(decidedAt !== undefined ? { decidedAt: new Date(decidedAt) } : {}),
    ...(rejectionReason !== undefined ? { rejectionReason } : {}),
    ...(paidBy !== undefined ? { paidBy } : {}),
    ...(paidAt !== undefined ? { paidAt: new Date(paidAt) } : {}),
  };
}

export function meetingToEntity(meeting: StoredMeeting): RelationshipTableEntity {
  return {
    partitionKey: encodeKey(meeting.matchId),
    rowKey: MEETING_PREFIX + encodeKey(meeting.id),
    month: monthOfDate(meeting.date),
    date: meeting.date,
    minutes: meeting.minutes,
    data: JSON.stringify(meeting),
  };
}

/**
 * The 'Relationships' table: one partition per match holding the relationship row, its meetings, its refreshment
 * claims, their audit entries and outbox rows. A meeting and the claim it carries are one transaction; a meeting's id
 * comes from the form, so a retried submit finds the row there (409) and writes nothing.
 */
export class RelationshipRepository extends PartitionStore implements RelationshipStore {
  async get(matchId: string): Promise<Versioned<Relationship> | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<RelationshipTableEntity>(encodeKey(matchId), RELATIONSHIP_ROW));
    return entity ? { value: relationshipSchema.parse(JSON.parse(entity.data)), etag: entity.etag } : undefined;
  }

  async list(): Promise<Versioned<Relationship>[]> {
    const found: Versioned<Relationship>[] = [];
    const filter = odata`RowKey eq ${RELATIONSHIP_ROW}`;
    for await (const entity of this.table.listEntities<RelationshipTableEntity>({ queryOptions: { filter } })) {
      found.push({ value: relationshipSchema.parse(JSON.parse(entity.data)), etag: entity.etag });
    }
    return found;
  }

  async meetings(matchId: string): Promise<StoredMeeting[]> {
    const range = prefixRange(MEETING_PREFIX);
    const filter = odata`PartitionKey eq ${encodeKey(matchId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const found: StoredMeeting[] = [];
    for await (const entity of this.table.listEntities<RelationshipTableEntity>({ queryOptions: { filter } })) found.push(meetingSchema.parse(JSON.parse(entity.data)));
    return found.sort((a, b) => a.date.localeCompare(b.date) || a.loggedAt.localeCompare(b.loggedAt));
  }

  async getMeeting(matchId: string, meetingId: string): Promise<StoredMeeting | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<RelationshipTableEntity>(encodeKey(matchId), MEETING_PREFIX + encodeKey(meetingId)));
    return entity ? meetingSchema.parse(JSON.parse(entity.data)) : undefined;
  }

  async getClaim(matchId: string, claimId: string): Promise<Versioned<RefreshmentClaim> | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<RelationshipTableEntity>(encodeKey(matchId), CLAIM_PREFIX + encodeKey(claimId)));
    return entity ? { value: claimToDomain(entity), etag: entity.etag } : undefined;
  }

  async claimsOf(matchId: string): Promise<RefreshmentClaim[]> {
    const range = prefixRange(CLAIM_PREFIX);
    const filter = odata`PartitionKey eq ${encodeKey(matchId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const found: RefreshmentClaim[] = [];
    for await (const entity of this.table.listEntities<RelationshipTableEntity>({ queryOptions: { filter } })) found.push(claimToDomain(entity));
    return found;
  }

  async claimsForMonth(month: string): Promise<Versioned<RefreshmentClaim>[]> {
    const range = prefixRange(CLAIM_PREFIX);
    const filter = odata`RowKey ge ${range.from} and RowKey lt ${range.to} and month eq ${month}`;
    const found: Versioned<RefreshmentClaim>[] = [];
    for await (const entity of this.table.listEntities<RelationshipTableEntity>({ queryOptions: { filter } })) found.push({ value: claimToDomain(entity), etag: entity.etag });
    return found;
  }

  async commit(write: RelationshipWrite): Promise<{ written: boolean }> {
    const partitionKey = encodeKey(write.matchId);
    const rows: RowWrite[] = [];
    const put = (entity: TableEntity, etag: string | undefined): void => void rows.push({ entity, ...(etag ? { etag } : {}) });
    if (write.relationship) {
      put({ partitionKey, rowKey: RELATIONSHIP_ROW, data: JSON.stringify(write.relationship.value) }, write.relationship.etag);
    }
    if (write.meeting) put({ ...meetingToEntity(write.meeting) }, undefined);
    if (write.claim) put({ ...claimToEntity(write.claim.value) }, write.claim.etag);
    try {
      await this.writer.commit({ partitionKey, rows, audit: write.audit, effects: write.effects });
    } catch (error) {
      // A repeated meeting id fails the whole transaction (409 on its row): the first write stands, and this one is a no-op.
      if (write.meeting && error instanceof ConcurrencyError && (await this.getMeeting(write.matchId, write.meeting.id))) return { written: false };
      throw error;
    }
    return { written: true };
  }
}
