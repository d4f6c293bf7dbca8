import { odata } from '@azure/data-tables';
import type { YoungPeopleRepository, YoungPersonAccessLog } from '../../matching/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';
import type { PersonalData } from '../app/privacy-ports.js';
import type { DataSubject, HeldRow } from '../domain/index.js';
import { everyRow, heldRow, PERSONAL_TABLES, type PersonalTableKey, type PersonalTables, type StoredRow } from './personal-tables.js';

const SESSION_CATALOGUE = '%sessions';
/** What a mentor's export shows instead of a young person's id: the young person's record is theirs, not the mentor's. */
const YOUNG_PERSON_WITHHELD = 'a young person (their record is not part of your data)';

/**
 * Everything held about one person, read table by table through the columns that name people (who acted, who was the
 * subject, who received, who read) and the partitions that are theirs. A mentor's export never opens a young person's
 * record; a young person's export is read like any other read of their record: logged first.
 */
export class StoredPersonalData implements PersonalData {
  constructor(
    private readonly tables: PersonalTables,
    private readonly youngPeople: YoungPeopleRepository,
    private readonly accessLog: YoungPersonAccessLog,
  ) {}

  async youngPersonByReference(reference: string, reader: PersonRef): Promise<{ id: string } | undefined> {
    const wanted = reference.trim().toLowerCase();
    const found = (await this.youngPeople.list({ reader, purpose: 'privacy' })).find((each) => each.value.reference.trim().toLowerCase() === wanted);
    return found ? { id: found.value.id } : undefined;
  }

  async hasActiveMatch(subject: DataSubject): Promise<boolean> {
    if (subject.kind === 'mentor') {
      const record = await orUndefinedWhenMissing(this.tables.matching.getEntity<{ data: string }>(encodeKey(subject.personId), 'matching'));
      return record ? ((JSON.parse(record.data) as { activeMatches?: unknown[] }).activeMatches ?? []).length > 0 : false;
    }
    const record = await orUndefinedWhenMissing(this.tables.youngPeople.getEntity<{ status?: string }>(encodeKey(subject.youngPersonId), 'youngPerson'));
    return record?.status === 'matched';
  }

  async rowsAbout(subject: DataSubject, reader: PersonRef): Promise<HeldRow[]> {
    return subject.kind === 'mentor' ? this.mentorRows(subject.personId) : this.youngPersonRows(subject.youngPersonId, reader);
  }

  private async mentorRows(mentorId: string): Promise<HeldRow[]> {
    const rows = new Rows();
    const named = odata`actorId eq ${mentorId} or subjectId eq ${mentorId} or recipientId eq ${mentorId} or readerId eq ${mentorId} or mentorId eq ${mentorId} or personId eq ${mentorId}`;
    const partition = odata`PartitionKey eq ${encodeKey(mentorId)}`;
    const keys = Object.keys(PERSONAL_TABLES) as PersonalTableKey[];
    await Promise.all([
      ...keys.filter((key) => key !== 'youngPeople').map((key) => rows.addAll(key, everyRow(this.tables[key], named))),
      rows.addAll('mentors', everyRow(this.tables.mentors, partition)),
      rows.addAll('matching', everyRow(this.tables.matching, partition)),
      // In a young person's partition only what the mentor did there, and only the step, never the record.
      rows.addAll('youngPeople', everyRow(this.tables.youngPeople, odata`actorId eq ${mentorId}`), (row) => ({ at: row.at, action: row.action })),
      this.matchPartitions(rows, (relationship) => relationship.mentorId === mentorId),
      this.concerns(rows, (concern) => concern.raisedBy === mentorId),
      this.bookings(rows, mentorId),
      this.undelivered(rows, mentorId),
      this.privacyRecords(rows, mentorId),
    ]);
    await this.broadcastTexts(rows);
    return rows.list().map(withoutYoungPeople);
  }

  private async youngPersonRows(youngPersonId: string, reader: PersonRef): Promise<HeldRow[]> {
    await this.accessLog.record({ reader, purpose: 'privacy' }, [youngPersonId]);
    const rows = new Rows();
    const matchIds = new Set<string>();
    const keys = Object.keys(PERSONAL_TABLES) as PersonalTableKey[];
    await Promise.all([
      ...keys.map((key) => rows.addAll(key, everyRow(this.tables[key], odata`subjectId eq ${youngPersonId}`))),
      rows.addAll('youngPeople', everyRow(this.tables.youngPeople, odata`PartitionKey eq ${encodeKey(youngPersonId)}`)),
      rows.addAll('access', everyRow(this.tables.access, odata`youngPersonId eq ${youngPersonId}`)),
      this.matchPartitions(rows, (relationship) => relationship.youngPersonId === youngPersonId && Boolean(matchIds.add(String(relationship.matchId)))),
      this.privacyRecords(rows, youngPersonId),
    ]);
    await this.concerns(rows, (concern) => matchIds.has(String(concern.matchId)));
    return rows.list();
  }

  private async matchPartitions(rows: Rows, about: (relationship: Record<string, unknown>) => boolean): Promise<void> {
    const partitions: string[] = [];
    for await (const row of everyRow(this.tables.relationships, odata`RowKey eq ${'relationship'}`)) {
      if (about(JSON.parse(String(row.data)) as Record<string, unknown>)) partitions.push(row.partitionKey);
    }
    await Promise.all(partitions.map((partitionKey) => rows.addAll('relationships', everyRow(this.tables.relationships, odata`PartitionKey eq ${partitionKey}`))));
  }

  private async concerns(rows: Rows, about: (concern: Record<string, unknown>) => boolean): Promise<void> {
    for await (const row of everyRow(this.tables.concerns, odata`RowKey eq ${'concern'}`)) {
      if (about(JSON.parse(String(row.data)) as Record<string, unknown>)) await rows.addAll('concerns', everyRow(this.tables.concerns, odata`PartitionKey eq ${row.partitionKey}`));
    }
  }

  /** A session the person booked or said they cannot make, with their own booking and answer only: the others are not their data. */
  private async bookings(rows: Rows, mentorId: string): Promise<void> {
    const sessions: string[] = [];
    for await (const row of everyRow(this.tables.sessions, odata`PartitionKey eq ${SESSION_CATALOGUE}`)) sessions.push(row.rowKey);
    await Promise.all(
      sessions.map(async (partitionKey) => {
        const entity = await orUndefinedWhenMissing(this.tables.sessions.getEntity<StoredRow>(partitionKey, 'session'));
        if (!entity) return;
        const { fields } = heldRow(PERSONAL_TABLES.sessions, entity);
        const bookings = (fields.bookings as Array<Record<string, unknown>> | undefined) ?? [];
        const own = bookings.filter((booking) => booking.personId === mentorId);
        const declined = ((fields.declined as Array<Record<string, unknown>> | undefined) ?? []).filter((answer) => answer.personId === mentorId);
        if (own.length === 0 && declined.length === 0) return;
        const answers = declined.length > 0 ? { declined } : {};
        rows.add('sessions', { ...entity, partitionKey, rowKey: 'session' }, { title: fields.title, startsAt: fields.startsAt, endsAt: fields.endsAt, bookings: own, ...answers });
      }),
    );
  }

  /** Their own requests and restriction: what the privacy work itself holds about them. */
  private async privacyRecords(rows: Rows, personId: string): Promise<void> {
    // A request names them as a whole JSON value (the subject, who started it), never inside a longer id.
    for await (const row of everyRow(this.tables.privacy, odata`RowKey eq ${'request'}`)) if (String(row.data).includes(JSON.stringify(personId))) rows.add('privacy', row);
    const restriction = await orUndefinedWhenMissing(this.tables.privacy.getEntity<StoredRow>('restrictions', encodeKey(personId.toLowerCase())));
    if (restriction) rows.add('privacy', restriction);
  }

  private async undelivered(rows: Rows, mentorId: string): Promise<void> {
    for await (const row of everyRow(this.tables.delivery, odata`PartitionKey eq ${'undelivered'}`)) {
      const effect = JSON.parse(String(row.effect)) as { recipientId?: string };
      if (effect.recipientId === mentorId) rows.add('delivery', row);
    }
  }

  /** A broadcast received: its words beside the delivery row, read from the broadcast itself. */
  private async broadcastTexts(rows: Rows): Promise<void> {
    for (const held of rows.entries()) {
      if (held.table !== 'broadcasts' || !held.row.rowKey.startsWith('r|')) continue;
      const broadcast = await orUndefinedWhenMissing(this.tables.broadcasts.getEntity<{ data: string }>(held.row.partitionKey, 'broadcast'));
      if (broadcast) held.extra = { text: (JSON.parse(broadcast.data) as { content?: { text?: string } }).content?.text ?? '' };
    }
  }
}

interface Held {
  readonly table: PersonalTableKey;
  readonly row: StoredRow;
  readonly only?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** The rows found, once each, whichever query found them. */
class Rows {
  private readonly found = new Map<string, Held>();

  add(table: PersonalTableKey, row: StoredRow, only?: Record<string, unknown>): void {
    const key = `${table}|${row.partitionKey}|${row.rowKey}`;
    if (!this.found.has(key)) this.found.set(key, { table, row, ...(only ? { only } : {}) });
  }

  async addAll(table: PersonalTableKey, rows: AsyncIterable<StoredRow>, only?: (row: StoredRow) => Record<string, unknown>): Promise<void> {
    for await (const row of rows) this.add(table, row, only?.(row));
  }

  entries(): Held[] {
    return [...this.found.values()];
  }

  list(): HeldRow[] {
    return this.entries().map((held) => {
      const name = PERSONAL_TABLES[held.table];
      const row = held.only ? { table: name, kind: heldRow(name, held.row).kind, fields: held.only } : heldRow(name, held.row);
      return held.extra ? { ...row, fields: { ...row.fields, ...held.extra } } : row;
    });
  }
}

/** A mentor's export with every young person's id replaced: the mentor sees that a young person is there, not who. */
function withoutYoungPeople(row: HeldRow): HeldRow {
  return { ...row, fields: redact(row.fields) as Record<string, unknown> };
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'youngPersonId' ? YOUNG_PERSON_WITHHELD : redact(inner)]));
  }
  return value;
}
