import { odata, type TableClient } from '@azure/data-tables';
import type { SessionSummary } from '../app/broadcast.js';
import { encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';
import { sessionSummarySchema } from './session-summary.schema.js';

const OCCURRENCE_ROW = 'occurrence';
const RSVP_PREFIX = 'rsvp|';

export type RsvpAnswer = 'attend' | 'decline';

/**
 * Quarterly supervision sessions and their answers, one partition per quarter's session. This stands in for the
 * sessions feature's Sessions table until that feature owns supervision as a session kind (docs/broadcasts.md).
 */
export class SupervisionRepository {
  constructor(private readonly table: TableClient) {}

  /** Stores the quarter's session once; false when it was already there. */
  async create(session: SessionSummary, now: Date): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: encodeKey(session.id), rowKey: OCCURRENCE_ROW, data: JSON.stringify(session), startsAt: session.startsAt, createdAt: now.toISOString() });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(id: string): Promise<SessionSummary | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<{ data: string }>(encodeKey(id), OCCURRENCE_ROW));
    return entity ? sessionSummarySchema.parse(JSON.parse(entity.data)) : undefined;
  }

  /** Sessions that have not started yet, soonest first. */
  async upcoming(now: Date): Promise<SessionSummary[]> {
    const filter = odata`RowKey eq ${OCCURRENCE_ROW} and startsAt gt ${now.toISOString()}`;
    const sessions: SessionSummary[] = [];
    for await (const entity of this.table.listEntities<{ data: string }>({ queryOptions: { filter } })) sessions.push(sessionSummarySchema.parse(JSON.parse(entity.data)));
    return sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** An invited mentor's answer (the session's bookings); the latest answer counts. */
  async answer(sessionId: string, mentorId: string, answer: RsvpAnswer, now: Date): Promise<void> {
    await this.table.upsertEntity({ partitionKey: encodeKey(sessionId), rowKey: RSVP_PREFIX + encodeKey(mentorId), mentorId, answer, at: now.toISOString() }, 'Replace');
  }

  async answers(sessionId: string): Promise<Map<string, RsvpAnswer>> {
    const range = prefixRange(RSVP_PREFIX);
    const filter = odata`PartitionKey eq ${encodeKey(sessionId)} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const answers = new Map<string, RsvpAnswer>();
    for await (const entity of this.table.listEntities<{ mentorId: string; answer: RsvpAnswer }>({ queryOptions: { filter } })) answers.set(entity.mentorId, entity.answer);
    return answers;
  }
}
