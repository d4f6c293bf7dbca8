import { odata, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { Change, Effect, Versioned } from '../../platform/app/ports.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { PartitionStore } from '../../platform/storage/partition-store.js';
import type { FigureTotals, PrivacyStore, RetentionRun } from '../app/privacy-ports.js';
import { RECORD_CLASSES, REQUEST_STATES, type LegalHold, type Restriction, type SubjectAccessRequest, type Tombstone } from '../domain/index.js';

/** The privacy capability's own table ('Privacy'): one partition per kind of record, each with its audit rows. */
export const PRIVACY_TABLE = 'Privacy';

const REQUEST_ROW = 'request';
const HOLDS = 'holds';
const RESTRICTIONS = 'restrictions';
const ERASURES = 'erasures';
const RUNS = 'retentionRuns';
const NOTICES = 'notices';
export const FIGURES_PREFIX = 'figures|';

interface FlaggedEntity extends DataEntity {
  /** A plain column so listings skip what is over (a lifted hold or restriction, a finished erasure, a sent request). */
  active: boolean;
}

/** A removed batch's anonymised figures for one class: count, minutes and pence by month; keyed by a hash, never by who. */
export interface FigureEntity {
  partitionKey: string;
  rowKey: string;
  /** JSON: { "2024-03": { "count": 2, "minutes": 180, "pence": 1300 } } */
  byMonth: string;
}

const person = z.object({ id: z.string(), name: z.string() });
const subject = z.union([
  z.object({ kind: z.literal('mentor'), personId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('youngPerson'), youngPersonId: z.string(), reference: z.string() }),
]);
const requestSchema: z.ZodType<SubjectAccessRequest> = z.object({
  id: z.string(),
  subject,
  receivedOn: z.string(),
  state: z.enum(REQUEST_STATES),
  startedBy: person,
  pausedDays: z.number().int().min(0),
  pausedOn: z.string().optional(),
  extension: z.object({ reason: z.string(), by: person, on: z.string() }).optional(),
  remindedFor: z.string().optional(),
  sentOn: z.string().optional(),
});
/** What a legal hold and a restriction both record (Placed). */
const placed = z.object({ reason: z.string(), by: person, at: z.string(), liftedAt: z.string().optional(), liftedBy: person.optional() });
const holdSchema: z.ZodType<LegalHold> = z.object({ key: z.string() }).extend(placed.shape);
const restrictionSchema: z.ZodType<Restriction> = z.object({ personId: z.string(), kind: z.enum(['mentor', 'youngPerson']) }).extend(placed.shape);
const tombstoneSchema: z.ZodType<Tombstone> = z.object({
  id: z.string(),
  kind: z.enum(['mentor', 'youngPerson']),
  requestedBy: person,
  startedAt: z.string(),
  pending: z.object({ subjectId: z.string(), identifiers: z.array(z.string()) }).optional(),
  finishedAt: z.string().optional(),
});
const figuresSchema = z.record(z.string(), z.object({ count: z.number().int().min(0), minutes: z.number().min(0), pence: z.number().min(0) }));
const countsSchema = z.record(z.enum(RECORD_CLASSES), z.number().int().min(0));
const runSchema: z.ZodType<RetentionRun> = z.object({
  on: z.string(),
  mode: z.enum(['dryRun', 'removal']),
  counts: countsSchema,
  finishedAt: z.string(),
});

export class PrivacyRepository extends PartitionStore implements PrivacyStore {
  private readonly restrictionListeners: Array<() => void> = [];

  getRequest(id: string): Promise<Versioned<SubjectAccessRequest> | undefined> {
    return this.readRow(`${REQUEST_ROW}|${encodeKey(id)}`, REQUEST_ROW, (entity: DataEntity) => requestSchema.parse(JSON.parse(entity.data)));
  }

  async saveRequest(change: Change<SubjectAccessRequest>): Promise<void> {
    const request = change.value;
    const entity = { partitionKey: `${REQUEST_ROW}|${encodeKey(request.id)}`, rowKey: REQUEST_ROW, active: request.state !== 'sent', data: JSON.stringify(request) };
    await this.saveRow(entity, change);
  }

  async listRequests(): Promise<Versioned<SubjectAccessRequest>[]> {
    return this.list(odata`RowKey eq ${REQUEST_ROW}`, (data) => requestSchema.parse(JSON.parse(data)));
  }

  getHold(key: string): Promise<Versioned<LegalHold> | undefined> {
    return this.readRow(HOLDS, encodeKey(key), (entity: DataEntity) => holdSchema.parse(JSON.parse(entity.data)));
  }

  async saveHold(change: Change<LegalHold>): Promise<void> {
    await this.saveFlagged(HOLDS, change.value.key, !change.value.liftedAt, change);
  }

  async activeHolds(): Promise<LegalHold[]> {
    return (await this.list(odata`PartitionKey eq ${HOLDS} and active eq ${true}`, (data) => holdSchema.parse(JSON.parse(data)))).map((held) => held.value);
  }

  getRestriction(personId: string): Promise<Versioned<Restriction> | undefined> {
    return this.readRow(RESTRICTIONS, encodeKey(personId.toLowerCase()), (entity: DataEntity) => restrictionSchema.parse(JSON.parse(entity.data)));
  }

  async saveRestriction(change: Change<Restriction>): Promise<void> {
    try {
      await this.saveFlagged(RESTRICTIONS, change.value.personId.toLowerCase(), !change.value.liftedAt, change);
    } finally {
      // Also when the write failed: it may have landed all the same (a timeout after the commit).
      for (const listener of this.restrictionListeners) listener();
    }
  }

  /** Called after each restriction saved through this store, made or lifted, so a cache of the list forgets it. */
  onRestrictionSaved(listener: () => void): void {
    this.restrictionListeners.push(listener);
  }

  async activeRestrictions(): Promise<Restriction[]> {
    const found = await this.list(odata`PartitionKey eq ${RESTRICTIONS} and active eq ${true}`, (data) => restrictionSchema.parse(JSON.parse(data)));
    return found.map((each) => each.value);
  }

  async saveTombstone(change: Change<Tombstone>): Promise<void> {
    await this.saveFlagged(ERASURES, change.value.id, !change.value.finishedAt, change);
  }

  async unfinishedErasures(): Promise<Versioned<Tombstone>[]> {
    return this.list(odata`PartitionKey eq ${ERASURES} and active eq ${true}`, (data) => tombstoneSchema.parse(JSON.parse(data)));
  }

  async tombstones(): Promise<Tombstone[]> {
    return (await this.list(odata`PartitionKey eq ${ERASURES}`, (data) => tombstoneSchema.parse(JSON.parse(data)))).map((each) => each.value);
  }

  async saveRun(run: RetentionRun, audit: Change<unknown>['audit']): Promise<void> {
    const entity = { partitionKey: RUNS, rowKey: `${run.on}|${run.mode}|${run.finishedAt}`, data: JSON.stringify(run) };
    await this.writer.commit({ partitionKey: RUNS, rows: [{ entity }], audit, effects: [] });
  }

  async runs(): Promise<RetentionRun[]> {
    const found = await this.list(odata`PartitionKey eq ${RUNS}`, (data) => runSchema.parse(JSON.parse(data)));
    return found.map((each) => each.value).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  }

  /** Messages not tied to one record's write (a dry run's report), queued once per id in a partition of their own. */
  async queueNotices(effects: readonly Effect[]): Promise<void> {
    await this.writer.queueEffects(NOTICES, effects);
  }

  /** Totals of the anonymised traces, by class and month: `meetingLog|2026-03`. */
  async figures(): Promise<Map<string, FigureTotals>> {
    const totals = new Map<string, FigureTotals>();
    const filter = odata`PartitionKey ge ${FIGURES_PREFIX} and PartitionKey lt ${'figures}'}`;
    for await (const row of this.table.listEntities<FigureEntity>({ queryOptions: { filter } })) {
      for (const [month, figure] of Object.entries(figuresSchema.parse(JSON.parse(row.byMonth)))) {
        const key = `${row.partitionKey.slice(FIGURES_PREFIX.length)}|${month}`;
        const sum = totals.get(key) ?? { count: 0, minutes: 0, pence: 0 };
        totals.set(key, { count: sum.count + figure.count, minutes: sum.minutes + figure.minutes, pence: sum.pence + figure.pence });
      }
    }
    return totals;
  }

  private async saveFlagged<T>(partitionKey: string, key: string, active: boolean, change: Change<T>): Promise<void> {
    const entity: FlaggedEntity = { partitionKey, rowKey: encodeKey(key), active, data: JSON.stringify(change.value) };
    await this.saveRow(entity as unknown as TableEntity, change);
  }

  private async list<T>(filter: string, parse: (data: string) => T): Promise<Versioned<T>[]> {
    const found: Versioned<T>[] = [];
    for await (const entity of this.table.listEntities<DataEntity>({ queryOptions: { filter } })) {
      if (entity.rowKey.startsWith('audit|') || entity.rowKey.startsWith('outbox|')) continue;
      found.push({ value: parse(entity.data), etag: entity.etag });
    }
    return found;
  }
}
