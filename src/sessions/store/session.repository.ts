import { odata, type TableEntity } from '@azure/data-tables';
import { PART_LENGTH, splitIntoParts } from '../../platform/storage/json-parts.js';
import { z } from 'zod';
import { SESSION_KINDS, type Session } from '../domain/index.js';
import { ConcurrencyError, type Effect } from '../../platform/app/ports.js';
import type { CalendarState, ListSessionsOptions, SessionChange, SessionStore, VersionedSession } from '../app/session-ports.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import { orUndefinedWhenMissing, translateWriteError } from '../../platform/storage/storage-errors.js';

const SESSION_ROW = 'session';
/**
 * One small row per session in a partition of its own, so listing sessions reads that partition instead of scanning
 * every session's audit and outbox rows. Lower-case hex never comes out of encodeKey, so no session id can clash.
 */
const CATALOGUE = '%sessions';
const CALENDAR_ROW = 'calendar';

/** The session JSON (up to about 60,000 characters by the domain's own limit, more when built by hand) goes in parts. */
export { PART_LENGTH };
/** 8 parts hold 240,000 characters (480 KB), under the 1 MiB entity limit with room for the other properties. */
export const MAX_PARTS = 8;

export interface SessionEntity {
  partitionKey: string;
  rowKey: string;
  kind: string;
  startsAt: string;
  cancelled: boolean;
  version: number;
  remindedFor: string;
  parts: number;
  [part: `data${number}`]: string;
}

const booking = z.object({
  personId: z.string(),
  displayName: z.string(),
  status: z.enum(['confirmed', 'waiting', 'cancelled']),
  bookedAt: z.string(),
  attended: z.boolean().optional(),
});

const sessionSchema: z.ZodType<Session> = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.union([z.object({ type: z.literal('online') }), z.object({ type: z.literal('inPerson'), venue: z.string() })]),
  seats: z.number().int(),
  bookingClosesAt: z.string(),
  cancelledAt: z.string().optional(),
  cohortId: z.string().optional(),
  bookings: z.array(booking),
  declined: z.array(z.object({ personId: z.string(), displayName: z.string(), at: z.string() })).optional(),
});

export function toEntity(session: Session, version: number, remindedFor?: string): SessionEntity {
  const json = JSON.stringify(session);
  const chunks = split(json);
  const parts = chunks.length;
  if (parts > MAX_PARTS) throw new Error(`a session's stored form is ${json.length} characters, more than a table row holds`);
  const entity: SessionEntity = {
    partitionKey: encodeKey(session.id),
    rowKey: SESSION_ROW,
    kind: session.kind,
    startsAt: session.startsAt,
    cancelled: !!session.cancelledAt,
    version,
    remindedFor: remindedFor ?? '',
    parts,
  };
  chunks.forEach((chunk, i) => {
    entity[`data${i}`] = chunk;
  });
  return entity;
}

/** The sessions store's name for the platform's cut (rota.repository uses it too). */
export const split = splitIntoParts;

export function toDomain(entity: SessionEntity): Session {
  let json = '';
  for (let i = 0; i < entity.parts; i += 1) json += entity[`data${i}`] ?? '';
  return sessionSchema.parse(JSON.parse(json));
}

interface CalendarEntity {
  partitionKey: string;
  rowKey: string;
  eventId: string;
  joinUrl: string;
  syncedVersion: number;
  requestedVersion: number;
  lockedUntil: string;
  cancelled: boolean;
  schedule?: string;
  reportedFailure?: string;
}

/** Sessions, one row each, with their audit and outbox rows and their calendar state in the session's partition. */
export class SessionRepository extends PartitionStore implements SessionStore {
  async get(sessionId: string): Promise<VersionedSession | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<SessionEntity>(encodeKey(sessionId), SESSION_ROW));
    return entity ? fromEntity(entity) : undefined;
  }

  async save(change: SessionChange): Promise<string | undefined> {
    const entity = toEntity(change.session, change.version, change.remindedFor);
    // Listed before it exists: a crash in between leaves a catalogue row that list() skips, never a session it misses.
    if (!change.etag) {
      const { kind, startsAt, endsAt } = change.session;
      await this.table.upsertEntity({ partitionKey: CATALOGUE, rowKey: entity.partitionKey, kind, startsAt, endsAt }, 'Replace');
    }
    return this.saveRow(entity as unknown as TableEntity, change);
  }

  async *list(options: ListSessionsOptions = {}): AsyncIterable<VersionedSession> {
    const filter = options.endingAfter
      ? odata`PartitionKey eq ${CATALOGUE} and endsAt ge ${options.endingAfter.toISOString()}`
      : odata`PartitionKey eq ${CATALOGUE}`;
    const keys: string[] = [];
    for await (const row of this.table.listEntities<{ kind: Session['kind'] }>({ queryOptions: { filter, select: ['RowKey', 'kind'] } })) {
      if (!options.kinds || options.kinds.has(row.kind)) keys.push(row.rowKey!);
    }
    const sessions = await Promise.all(
      keys.map((key) => orUndefinedWhenMissing(this.table.getEntity<SessionEntity>(key, SESSION_ROW))),
    );
    for (const entity of sessions) if (entity) yield fromEntity(entity);
  }

  async addEffects(sessionId: string, effects: readonly Effect[]): Promise<void> {
    const partitionKey = encodeKey(sessionId);
    await this.writer.queueEffects(partitionKey, effects);
  }

  async getCalendar(sessionId: string): Promise<{ value: CalendarState; etag?: string }> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<CalendarEntity>(encodeKey(sessionId), CALENDAR_ROW));
    if (!entity) return { value: { syncedVersion: 0, requestedVersion: 0 } };
    return {
      value: {
        ...(entity.eventId ? { eventId: entity.eventId } : {}),
        ...(entity.joinUrl ? { joinUrl: entity.joinUrl } : {}),
        syncedVersion: entity.syncedVersion,
        requestedVersion: entity.requestedVersion,
        ...(entity.lockedUntil ? { lockedUntil: entity.lockedUntil } : {}),
        ...(entity.cancelled ? { cancelled: true } : {}),
        ...(entity.schedule ? { schedule: entity.schedule } : {}),
        ...(entity.reportedFailure ? { reportedFailure: entity.reportedFailure } : {}),
      },
      etag: entity.etag,
    };
  }

  async saveCalendar(sessionId: string, state: CalendarState, etag: string | undefined): Promise<string> {
    const entity: CalendarEntity = {
      partitionKey: encodeKey(sessionId),
      rowKey: CALENDAR_ROW,
      eventId: state.eventId ?? '',
      joinUrl: state.joinUrl ?? '',
      syncedVersion: state.syncedVersion,
      requestedVersion: state.requestedVersion,
      lockedUntil: state.lockedUntil ?? '',
      cancelled: !!state.cancelled,
      schedule: state.schedule ?? '',
      reportedFailure: state.reportedFailure ?? '',
    };
    try {
      const response = etag
        ? await this.table.updateEntity(entity, 'Replace', { etag })
        : await this.table.createEntity(entity);
      if (!response.etag) throw new ConcurrencyError('no etag returned');
      return response.etag;
    } catch (error) {
      if (error instanceof ConcurrencyError) throw error;
      return translateWriteError(error);
    }
  }
}

function fromEntity(entity: SessionEntity & { etag: string }): VersionedSession {
  return {
    session: toDomain(entity),
    version: entity.version,
    ...(entity.remindedFor ? { remindedFor: entity.remindedFor } : {}),
    etag: entity.etag,
  };
}
