import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { decodeKey, encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing, statusOf } from '../../platform/storage/storage-errors.js';
import type { AnonymisedFigure, ClassCounts, DueItem, DueRecords, FigureTotals, RetentionRecords } from '../app/privacy-ports.js';
import { addCalendarMonths, isDue, personHoldKey, recordHoldKey, type CalendarDate, type RecordClass, type RetentionSchedule } from '../domain/index.js';
import { everyRow, PERSONAL_TABLES, type PersonalTables, type StoredRow } from './personal-tables.js';
import { FIGURES_PREFIX, type FigureEntity } from './privacy.repository.js';
import { closedPrivacyRecords, concernsOfEndedMatches, joinedParts, pastCohorts, pastRotaMonths, pastSessions } from './retention-finders.js';

/** Azure Tables takes at most 100 operations in one transaction, all in one partition. */
const BATCH = 100;
/** Transactions in flight at once: different partitions, so they do not contend. */
const PARALLEL = 16;

type Finder = (schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean) => Promise<DueItem[]>;

/**
 * The retention job's reading and removing. Each class finds its rows by the plain columns its store keeps (stage,
 * status, month, date), so no record's content is read to decide; a removed row first leaves its anonymised trace.
 */
export class StoredRetentionRecords implements RetentionRecords {
  constructor(private readonly tables: PersonalTables) {}

  async due(schedule: RetentionSchedule, today: CalendarDate, holds: ReadonlySet<string>): Promise<DueRecords> {
    const held = (key: string): boolean => holds.has(key);
    const finders: Record<RecordClass, Finder> = {
      declinedSignUp: (s, t, h) => this.mentorsGone('declinedSignUp', s, t, h),
      mentorLeft: (s, t, h) => this.mentorsGone('mentorLeft', s, t, h),
      youngPersonRecord: (s, t, h) => this.closedYoungPeople(s, t, h),
      meetingLog: (s, t, h) => this.relationshipRows('meetingLog', 'meeting|', s, t, h),
      refreshmentClaim: (s, t, h) => this.relationshipRows('refreshmentClaim', 'claim|', s, t, h),
      accessLog: (s, t, h) => this.accessRows(s, t, h),
      undeliveredMessage: (s, t, h) => this.undelivered(s, t, h),
      broadcastDelivery: (s, t, h) => this.broadcastRecipients(s, t, h),
      privacyRecord: (s, t, h) => closedPrivacyRecords(this.tables, s, t, h),
      pastSession: (s, t, h) => pastSessions(this.tables, s, t, h),
      supportConcern: (s, t, h) => concernsOfEndedMatches(this.tables, s, t, h),
      cohort: (s, t, h) => pastCohorts(this.tables, s, t, h),
      rotaMonth: (s, t, h) => pastRotaMonths(this.tables, s, t, h),
    };
    const items = (await Promise.all(Object.values(finders).map((find) => find(schedule, today, held)))).flat();
    return { items, counts: countsOf(items) };
  }

  async remove(records: DueRecords): Promise<ClassCounts> {
    for (const item of records.items) if (item.rewrite) await this.rewriteRow(item, item.rewrite);
    const byPartition = new Map<string, DueItem[]>();
    for (const item of records.items.filter((each) => !each.rewrite)) byPartition.set(`${item.table}\n${item.partitionKey}`, [...(byPartition.get(`${item.table}\n${item.partitionKey}`) ?? []), item]);
    const work = [...byPartition.values()];
    for (let from = 0; from < work.length; from += PARALLEL) await Promise.all(work.slice(from, from + PARALLEL).map((items) => this.removePartition(items)));
    return records.counts;
  }

  /** Live figures of the same classes and months as the anonymised traces: together they are the board's figures. */
  async liveFigures(): Promise<Map<string, FigureTotals>> {
    const totals = new Map<string, FigureTotals>();
    const add = (recordClass: RecordClass, month: string, minutes = 0, pence = 0, count = 1): void => {
      const key = `${recordClass}|${month}`;
      const sum = totals.get(key) ?? { count: 0, minutes: 0, pence: 0 };
      totals.set(key, { count: sum.count + count, minutes: sum.minutes + minutes, pence: sum.pence + pence });
    };
    for await (const row of everyRow(this.tables.mentors, odata`RowKey eq ${'mentor'} and (stage eq ${'declined'} or stage eq ${'withdrawn'})`)) {
      const mentor = JSON.parse(String(row.data)) as GoneMentor;
      add(classOfGone(mentor), mentor.updatedAt.slice(0, 7));
    }
    for await (const line of everyRow(this.tables.sessions, odata`PartitionKey eq ${'%sessions'}`)) {
      const row = await orUndefinedWhenMissing(this.tables.sessions.getEntity<StoredRow>(line.rowKey, 'session'));
      if (!row) continue;
      const session = JSON.parse(joinedParts(row)) as { startsAt: string; bookings: Array<{ status: string }> };
      add('pastSession', session.startsAt.slice(0, 7), 0, 0, session.bookings.filter((booking) => booking.status === 'confirmed').length);
    }
    const cohorts = await orUndefinedWhenMissing(this.tables.sessions.getEntity<StoredRow>('%cohorts', 'book'));
    for (const cohort of cohorts ? (JSON.parse(String(cohorts.data)) as { cohorts: Array<{ openedAt: string }> }).cohorts : []) add('cohort', cohort.openedAt.slice(0, 7));
    const rota = await orUndefinedWhenMissing(this.tables.sessions.getEntity<StoredRow>('%rota', 'regulation33'));
    const rotaData = rota ? (JSON.parse(joinedParts(rota)) as { months: string[]; visits: Array<{ month: string; doneAt?: string }> }) : { months: [], visits: [] };
    for (const month of rotaData.months) add('rotaMonth', month, 0, 0, rotaData.visits.filter((visit) => visit.month === month && visit.doneAt).length);
    for await (const row of everyRow(this.tables.youngPeople, odata`RowKey eq ${'youngPerson'} and status eq ${'closed'}`)) add('youngPersonRecord', String(row.since).slice(0, 7));
    for await (const row of everyRow(this.tables.relationships, rowKeyRange('meeting|'))) add('meetingLog', String(row.month), Number(row.minutes ?? 0));
    for await (const row of everyRow(this.tables.relationships, rowKeyRange('claim|'))) add('refreshmentClaim', String(row.month), 0, claimOf(row).amountPence);
    return totals;
  }

  /** Declined or withdrawn before approval (`declinedSignUp`), or withdrawn after it: left the scheme (`mentorLeft`). */
  private async mentorsGone(recordClass: 'declinedSignUp' | 'mentorLeft', schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const items: DueItem[] = [];
    for await (const row of everyRow(this.tables.mentors, odata`RowKey eq ${'mentor'} and (stage eq ${'declined'} or stage eq ${'withdrawn'})`)) {
      const mentor = JSON.parse(String(row.data)) as GoneMentor;
      if (classOfGone(mentor) !== recordClass) continue;
      if (!isDue(mentor.updatedAt.slice(0, 10), schedule[recordClass], today) || held(personHoldKey(mentor.id))) continue;
      const figure = trace(recordClass, mentor.updatedAt.slice(0, 7));
      items.push(...(await this.wholePartition(recordClass, 'mentors', row.partitionKey, 'mentor', figure)));
      items.push(...(await this.wholePartition(recordClass, 'matching', row.partitionKey)));
      items.push({ recordClass, table: PERSONAL_TABLES.conversations, partitionKey: 'person', rowKey: encodeKey(mentor.id), counted: false });
    }
    return items;
  }

  /** Figures first (keyed by what the rewrite takes out), then the row written back if nobody changed it since. */
  private async rewriteRow(item: DueItem, rewrite: NonNullable<DueItem['rewrite']>): Promise<void> {
    await this.recordFigures(item.table, item.partitionKey, [item], rewrite.traceKey);
    try {
      await this.tableNamed(item.table).updateEntity(rewrite.entity as StoredRow, 'Replace', { etag: rewrite.etag });
    } catch (error) {
      // Changed since it was read (a coordinator's edit): the next run decides again from what is stored then.
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }

  private async closedYoungPeople(schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const items: DueItem[] = [];
    const filter = odata`RowKey eq ${'youngPerson'} and status eq ${'closed'}`;
    const matchesOf = new Map<string, string[]>();
    for await (const row of everyRow(this.tables.relationships, odata`RowKey eq ${'relationship'}`)) {
      const { youngPersonId } = JSON.parse(String(row.data)) as { youngPersonId: string };
      matchesOf.set(youngPersonId, [...(matchesOf.get(youngPersonId) ?? []), row.partitionKey]);
    }
    for await (const row of this.tables.youngPeople.listEntities<StoredRow>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'since'] } })) {
      const since = String(row.since ?? '');
      const youngPersonId = decodeKey(row.partitionKey);
      if (!since || !isDue(since.slice(0, 10), schedule.youngPersonRecord, today) || held(personHoldKey(youngPersonId))) continue;
      const figure = trace('youngPersonRecord', since.slice(0, 7));
      items.push(...(await this.wholePartition('youngPersonRecord', 'youngPeople', row.partitionKey, 'youngPerson', figure)));
      // The relationship row of each of their matches names them; its meetings and claims follow their own classes.
      for (const partitionKey of matchesOf.get(youngPersonId) ?? []) {
        items.push({ recordClass: 'youngPersonRecord', table: PERSONAL_TABLES.relationships, partitionKey, rowKey: 'relationship', counted: false });
      }
    }
    return items;
  }

  private async relationshipRows(recordClass: 'meetingLog' | 'refreshmentClaim', prefix: string, schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const people = new Map<string, string[]>();
    for await (const row of everyRow(this.tables.relationships, odata`RowKey eq ${'relationship'}`)) {
      const relationship = JSON.parse(String(row.data)) as { mentorId: string; youngPersonId: string };
      people.set(row.partitionKey, [relationship.mentorId, relationship.youngPersonId]);
    }
    const items: DueItem[] = [];
    for await (const row of everyRow(this.tables.relationships, rowKeyRange(prefix))) {
      const date = recordClass === 'meetingLog' ? String(row.date) : claimOf(row).date;
      if (!isDue(date, schedule[recordClass], today)) continue;
      if (held(recordHoldKey(PERSONAL_TABLES.relationships, row.partitionKey, row.rowKey)) || (people.get(row.partitionKey) ?? []).some((id) => held(personHoldKey(id)))) continue;
      const figure = recordClass === 'meetingLog'
        ? trace(recordClass, String(row.month), { minutes: Number(row.minutes ?? 0) })
        : trace(recordClass, String(row.month), { pence: claimOf(row).amountPence });
      items.push({ recordClass, table: PERSONAL_TABLES.relationships, partitionKey: row.partitionKey, rowKey: row.rowKey, counted: true, figure });
    }
    return items;
  }

  private async accessRows(schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const open = new Set<string>();
    const filter = odata`RowKey eq ${'youngPerson'} and status ne ${'closed'}`;
    for await (const row of this.tables.youngPeople.listEntities<StoredRow>({ queryOptions: { filter, select: ['PartitionKey'] } })) open.add(decodeKey(row.partitionKey));
    const latestDay = addCalendarMonths(today, -schedule.accessLog.months);
    const items: DueItem[] = [];
    const rows = this.tables.access.listEntities<StoredRow>({ queryOptions: { filter: odata`PartitionKey le ${latestDay}`, select: ['PartitionKey', 'RowKey', 'youngPersonId'] } });
    for await (const row of rows) {
      const youngPersonId = String(row.youngPersonId);
      if (!isDue(row.partitionKey, schedule.accessLog, today) || open.has(youngPersonId) || held(personHoldKey(youngPersonId))) continue;
      items.push({ recordClass: 'accessLog', table: PERSONAL_TABLES.access, partitionKey: row.partitionKey, rowKey: row.rowKey, counted: true });
    }
    return items;
  }

  private async undelivered(schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const items: DueItem[] = [];
    for await (const row of everyRow(this.tables.delivery, odata`PartitionKey eq ${'undelivered'}`)) {
      const recipientId = (JSON.parse(String(row.effect)) as { recipientId?: string }).recipientId ?? '';
      if (!isDue(String(row.failedAt).slice(0, 10), schedule.undeliveredMessage, today) || held(personHoldKey(recipientId))) continue;
      items.push({ recordClass: 'undeliveredMessage', table: PERSONAL_TABLES.delivery, partitionKey: row.partitionKey, rowKey: row.rowKey, counted: true });
    }
    return items;
  }

  private async broadcastRecipients(schedule: RetentionSchedule, today: CalendarDate, held: (key: string) => boolean): Promise<DueItem[]> {
    const items: DueItem[] = [];
    const finished = this.tables.broadcasts.listEntities<StoredRow>({ queryOptions: { filter: odata`RowKey eq ${'broadcast'} and state eq ${'finished'}`, select: ['PartitionKey', 'finishedAt'] } });
    for await (const broadcast of finished) {
      const finishedAt = String(broadcast.finishedAt ?? '');
      if (!finishedAt || !isDue(finishedAt.slice(0, 10), schedule.broadcastDelivery, today)) continue;
      const range = prefixRange('r|');
      const filter = odata`PartitionKey eq ${broadcast.partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
      for await (const row of this.tables.broadcasts.listEntities<StoredRow>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'recipientId'] } })) {
        if (held(personHoldKey(String(row.recipientId)))) continue;
        items.push({ recordClass: 'broadcastDelivery', table: PERSONAL_TABLES.broadcasts, partitionKey: row.partitionKey, rowKey: row.rowKey, counted: true });
      }
    }
    return items;
  }

  /** Every row of a partition (the record, its audit and outbox rows); the row named `counted` is the one that counts. */
  private async wholePartition(recordClass: RecordClass, table: keyof PersonalTables, partitionKey: string, counted?: string, figure?: AnonymisedFigure): Promise<DueItem[]> {
    const items: DueItem[] = [];
    const rows = this.tables[table].listEntities<StoredRow>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['PartitionKey', 'RowKey'] } });
    for await (const row of rows) {
      const isRecord = row.rowKey === counted;
      items.push({ recordClass, table: PERSONAL_TABLES[table], partitionKey, rowKey: row.rowKey, counted: isRecord, ...(isRecord && figure ? { figure } : {}) });
    }
    return items;
  }

  /**
   * One row per class for a batch about to be deleted, its figures by month, keyed by a hash of the batch's rows: a
   * batch that a crash left undeleted is found again as the same rows next time, so its row is written again, not added.
   */
  private async recordFigures(table: string, partitionKey: string, batch: readonly DueItem[], traceKey = ''): Promise<void> {
    const byClass = new Map<RecordClass, Record<string, FigureTotals>>();
    for (const figure of batch.flatMap((item) => [...(item.figure ? [item.figure] : []), ...(item.figures ?? [])])) {
      const months = byClass.get(figure.recordClass) ?? {};
      const sum = months[figure.month] ?? { count: 0, minutes: 0, pence: 0 };
      months[figure.month] = { count: sum.count + (figure.count ?? 1), minutes: sum.minutes + (figure.minutes ?? 0), pence: sum.pence + (figure.pence ?? 0) };
      byClass.set(figure.recordClass, months);
    }
    if (byClass.size === 0) return;
    const key = createHash('sha256').update(`${table}|${partitionKey}|${batch.map((item) => item.rowKey).join('|')}${traceKey ? `|${traceKey}` : ''}`).digest('hex').slice(0, 32);
    await Promise.all(
      [...byClass].map(([recordClass, byMonth]) => {
        const entity: FigureEntity = { partitionKey: FIGURES_PREFIX + recordClass, rowKey: key, byMonth: JSON.stringify(byMonth) };
        return this.tables.privacy.upsertEntity(entity, 'Replace');
      }),
    );
  }

  private async removePartition(items: readonly DueItem[]): Promise<void> {
    const table = this.tableNamed(items[0]!.table);
    for (let from = 0; from < items.length; from += BATCH) {
      const batch = items.slice(from, from + BATCH);
      await this.recordFigures(items[0]!.table, items[0]!.partitionKey, batch);
      const actions = batch.map((item): TransactionAction => ['delete', { partitionKey: item.partitionKey, rowKey: item.rowKey }]);
      try {
        await table.submitTransaction(actions);
      } catch (error) {
        // One row already gone (a run that stopped midway) fails the whole transaction: finish row by row.
        if (statusOf(error) !== 404 && statusOf(error) !== 400) throw error;
        for (const item of batch) await table.deleteEntity(item.partitionKey, item.rowKey).catch(ignoreMissing);
      }
    }
  }

  private tableNamed(name: string): TableClient {
    const key = (Object.keys(PERSONAL_TABLES) as (keyof typeof PERSONAL_TABLES)[]).find((each) => PERSONAL_TABLES[each] === name);
    if (!key) throw new Error(`not a personal data table: ${name}`);
    return this.tables[key];
  }
}

function rowKeyRange(prefix: string): string {
  const range = prefixRange(prefix);
  return odata`RowKey ge ${range.from} and RowKey lt ${range.to}`;
}

function claimOf(row: StoredRow): { date: string; amountPence: number } {
  return JSON.parse(String(row.data)) as { date: string; amountPence: number };
}

export function trace(recordClass: RecordClass, month: string, amounts: { minutes?: number; pence?: number } = {}): AnonymisedFigure {
  return { recordClass, month, ...amounts };
}

function countsOf(items: readonly DueItem[]): ClassCounts {
  const counts: Partial<Record<RecordClass, number>> = {};
  for (const item of items) if (item.counted) counts[item.recordClass] = (counts[item.recordClass] ?? 0) + (item.records ?? 1);
  return counts;
}

interface GoneMentor {
  readonly id: string;
  readonly stage: string;
  readonly updatedAt: string;
  readonly approval?: { readonly status: string };
}

/** A mentor who withdrew after approval had left the scheme (profile, DBS, conflicts); before it, a sign-up that went no further. */
function classOfGone(mentor: GoneMentor): 'declinedSignUp' | 'mentorLeft' {
  return mentor.stage === 'withdrawn' && mentor.approval?.status === 'approved' ? 'mentorLeft' : 'declinedSignUp';
}

function ignoreMissing(error: unknown): void {
  if (statusOf(error) !== 404) throw error;
}
