import { odata } from '@azure/data-tables';
import { splitIntoParts } from '../../platform/storage/json-parts.js';
import type { AnonymisedFigure, DueItem } from '../app/privacy-ports.js';
import { addCalendarMonths, isDue, personHoldKey, type CalendarDate, type RetentionSchedule } from '../domain/index.js';
import { everyRow, PERSONAL_TABLES, type PersonalTables, type StoredRow } from './personal-tables.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';
import { prefixRange } from '../../platform/storage/keys.js';

/**
 * The classes added to the schedule after the first seven (docs/privacy.md, "Retention"): the privacy table's own closed
 * rows, past sessions, concerns of ended matches, cohorts and the rota's past months. Each decides from dates and ids;
 * a person under a legal hold keeps every row that names them.
 */
export type Held = (key: string) => boolean;

/** Where the sessions capability keeps its catalogue, cohorts and rota in the Sessions table (its store's own keys). */
const CATALOGUE = '%sessions';
const COHORTS = { partitionKey: '%cohorts', rowKey: 'book' } as const;
const ROTA = { partitionKey: '%rota', rowKey: 'regulation33' } as const;
/** The longest relationship (report 3.8), added when a concern's match is gone and its end date with it. */
const LONGEST_MATCH_MONTHS = 18;

interface PersonId {
  readonly id: string;
}

/** Closed subject access requests, lifted holds and lifted restrictions, with their audit rows. */
export async function closedPrivacyRecords(tables: PersonalTables, schedule: RetentionSchedule, today: CalendarDate, held: Held): Promise<DueItem[]> {
  const items: DueItem[] = [];
  const privacy = PERSONAL_TABLES.privacy;
  const range = prefixRange('request|');
  for await (const row of everyRow(tables.privacy, odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and RowKey eq ${'request'} and active eq ${false}`)) {
    const request = JSON.parse(String(row.data)) as { sentOn?: string; subject: { personId?: string; youngPersonId?: string } };
    const personId = request.subject.personId ?? request.subject.youngPersonId ?? '';
    if (!request.sentOn || !isDue(request.sentOn, schedule.privacyRecord, today) || held(personHoldKey(personId))) continue;
    for await (const each of everyRow(tables.privacy, odata`PartitionKey eq ${row.partitionKey}`)) {
      items.push({ recordClass: 'privacyRecord', table: privacy, partitionKey: row.partitionKey, rowKey: each.rowKey, counted: each.rowKey === 'request' });
    }
  }
  for (const [partitionKey, subjectOf] of [['holds', (data: { key: string }) => data.key], ['restrictions', (data: { personId: string }) => data.personId]] as const) {
    for await (const row of everyRow(tables.privacy, odata`PartitionKey eq ${partitionKey} and active eq ${false}`)) {
      const data = JSON.parse(String(row.data)) as { key: string; personId: string; liftedAt?: string };
      const subject = subjectOf(data);
      const personId = partitionKey === 'holds' ? subject.replace(/^person:/, '') : subject;
      if (!data.liftedAt || !isDue(data.liftedAt.slice(0, 10), schedule.privacyRecord, today) || held(personHoldKey(personId))) continue;
      items.push({ recordClass: 'privacyRecord', table: privacy, partitionKey, rowKey: row.rowKey, counted: true });
      // Its audit rows up to the lifting; a later hold or restriction of the same person keeps its own.
      const audit = prefixRange('audit|');
      for await (const entry of everyRow(tables.privacy, odata`PartitionKey eq ${partitionKey} and RowKey ge ${audit.from} and RowKey lt ${audit.to} and subjectId eq ${subject}`)) {
        if (String(entry.at) <= data.liftedAt) items.push({ recordClass: 'privacyRecord', table: privacy, partitionKey, rowKey: entry.rowKey, counted: false });
      }
    }
  }
  return items;
}

/** Sessions that ended: the whole session (bookings, answers, calendar state, audit, outbox) and its catalogue line. */
export async function pastSessions(tables: PersonalTables, schedule: RetentionSchedule, today: CalendarDate, held: Held): Promise<DueItem[]> {
  const items: DueItem[] = [];
  const sessions = PERSONAL_TABLES.sessions;
  const latest = `${addCalendarMonths(today, -schedule.pastSession.months)}T23:59:59.999Z`;
  for await (const line of everyRow(tables.sessions, odata`PartitionKey eq ${CATALOGUE} and endsAt le ${latest}`)) {
    if (!isDue(String(line.endsAt).slice(0, 10), schedule.pastSession, today)) continue;
    const row = await orUndefinedWhenMissing(tables.sessions.getEntity<StoredRow>(line.rowKey, 'session'));
    const catalogue: DueItem = { recordClass: 'pastSession', table: sessions, partitionKey: CATALOGUE, rowKey: line.rowKey, counted: !row };
    if (!row) {
      // A run that stopped midway took the session: its catalogue line is what is left (counted once, here).
      items.push(catalogue);
      continue;
    }
    const session = JSON.parse(joinedParts(row)) as { startsAt: string; bookings: Array<PersonId & { personId: string; status: string }>; declined?: Array<{ personId: string }> };
    const named = [...session.bookings, ...(session.declined ?? [])].map((person) => person.personId);
    if (named.some((id) => held(personHoldKey(id)))) continue;
    const figure: AnonymisedFigure = { recordClass: 'pastSession', month: session.startsAt.slice(0, 7), count: session.bookings.filter((booking) => booking.status === 'confirmed').length };
    for await (const each of everyRow(tables.sessions, odata`PartitionKey eq ${line.rowKey}`)) {
      const isSession = each.rowKey === 'session';
      items.push({ recordClass: 'pastSession', table: sessions, partitionKey: line.rowKey, rowKey: each.rowKey, counted: isSession, ...(isSession ? { figure } : {}) });
    }
    items.push({ ...catalogue, counted: false });
  }
  return items;
}

/** Concerns picked up, about a match that ended: the concern with its audit and outbox rows. */
export async function concernsOfEndedMatches(tables: PersonalTables, schedule: RetentionSchedule, today: CalendarDate, held: Held): Promise<DueItem[]> {
  const matches = new Map<string, { status: string; endedOn?: string; people: string[] }>();
  for await (const row of everyRow(tables.relationships, odata`RowKey eq ${'relationship'}`)) {
    const relationship = JSON.parse(String(row.data)) as { mentorId: string; youngPersonId: string; status: string; ending?: { endedAt?: string } };
    matches.set(row.partitionKey, { status: relationship.status, endedOn: relationship.ending?.endedAt?.slice(0, 10), people: [relationship.mentorId, relationship.youngPersonId] });
  }
  const items: DueItem[] = [];
  for await (const row of everyRow(tables.concerns, odata`RowKey eq ${'concern'} and open eq ${false}`)) {
    const concern = JSON.parse(String(row.data)) as { matchId: string; raisedBy: string; raisedAt: string };
    const match = matches.get(concern.matchId);
    if (match?.status === 'active') continue;
    // The match's end date, or, once its row has gone, the latest it can have been: raised plus the longest match.
    const endedOn = match?.endedOn ?? addCalendarMonths(concern.raisedAt.slice(0, 10), LONGEST_MATCH_MONTHS);
    if (!isDue(endedOn, schedule.supportConcern, today) || [concern.raisedBy, ...(match?.people ?? [])].some((id) => held(personHoldKey(id)))) continue;
    for await (const each of everyRow(tables.concerns, odata`PartitionKey eq ${row.partitionKey}`)) {
      items.push({ recordClass: 'supportConcern', table: PERSONAL_TABLES.concerns, partitionKey: row.partitionKey, rowKey: each.rowKey, counted: each.rowKey === 'concern' });
    }
  }
  return items;
}

/** Cohorts opened long enough ago leave the cohort book (their names: the coordinator who opened them). */
export async function pastCohorts(tables: PersonalTables, schedule: RetentionSchedule, today: CalendarDate, held: Held): Promise<DueItem[]> {
  const row = await orUndefinedWhenMissing(tables.sessions.getEntity<StoredRow>(COHORTS.partitionKey, COHORTS.rowKey));
  if (!row?.etag) return [];
  const book = JSON.parse(String(row.data)) as { cohorts: Array<{ id: string; openedAt: string; openedBy: PersonId }> };
  const due = book.cohorts.filter((cohort) => isDue(cohort.openedAt.slice(0, 10), schedule.cohort, today) && !held(personHoldKey(cohort.openedBy.id)));
  if (due.length === 0) return [];
  const kept = { ...book, cohorts: book.cohorts.filter((cohort) => !due.includes(cohort)) };
  return [{
    recordClass: 'cohort', table: PERSONAL_TABLES.sessions, partitionKey: COHORTS.partitionKey, rowKey: COHORTS.rowKey, counted: true, records: due.length,
    figures: due.map((cohort) => ({ recordClass: 'cohort', month: cohort.openedAt.slice(0, 7) })),
    rewrite: { entity: { partitionKey: COHORTS.partitionKey, rowKey: COHORTS.rowKey, data: JSON.stringify(kept) }, etag: row.etag, traceKey: due.map((cohort) => cohort.id).join(',') },
  }];
}

/** The rota's months that ended long enough ago leave it (with the members' names); the visits done stay as a figure. */
export async function pastRotaMonths(tables: PersonalTables, schedule: RetentionSchedule, today: CalendarDate, held: Held): Promise<DueItem[]> {
  const row = await orUndefinedWhenMissing(tables.sessions.getEntity<StoredRow>(ROTA.partitionKey, ROTA.rowKey));
  if (!row?.etag) return [];
  const rota = JSON.parse(joinedParts(row)) as { months: string[]; visits: Array<{ month: string; member?: PersonId; doneAt?: string; doneBy?: PersonId }> };
  const namesHeld = (month: string): boolean =>
    rota.visits.some((visit) => visit.month === month && [visit.member?.id, visit.doneBy?.id].some((id) => id !== undefined && held(personHoldKey(id))));
  const due = rota.months.filter((month) => isDue(addCalendarMonths(`${month}-01`, 1), schedule.rotaMonth, today) && !namesHeld(month));
  if (due.length === 0) return [];
  const kept = { ...rota, months: rota.months.filter((month) => !due.includes(month)), visits: rota.visits.filter((visit) => !due.includes(visit.month)) };
  const chunks = splitIntoParts(JSON.stringify(kept));
  const entity: Record<string, unknown> = { partitionKey: ROTA.partitionKey, rowKey: ROTA.rowKey, parts: chunks.length };
  chunks.forEach((chunk, i) => {
    entity[`data${i}`] = chunk;
  });
  return [{
    recordClass: 'rotaMonth', table: PERSONAL_TABLES.sessions, partitionKey: ROTA.partitionKey, rowKey: ROTA.rowKey, counted: true, records: due.length,
    figures: due.map((month) => ({ recordClass: 'rotaMonth', month, count: rota.visits.filter((visit) => visit.month === month && visit.doneAt).length })),
    rewrite: { entity, etag: row.etag, traceKey: due.join(',') },
  }];
}

export function joinedParts(row: StoredRow): string {
  const parts = typeof row.parts === 'number' ? row.parts : 0;
  return Array.from({ length: parts }, (_, i) => String(row[`data${i}`] ?? '')).join('');
}

