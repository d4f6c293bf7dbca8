import type { Change, Clock, Directory, Effect, SchemeRoles, Versioned } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { CalendarDate, DataSubject, HeldRow, LegalHold, RecordClass, Restriction, RetentionSchedule, SubjectAccessRequest, Tombstone } from '../domain/index.js';

/** Who holds the Data Protection Officer role (DPO_IDS), beside the scheme's coordinators. */
export interface PrivacyRoles {
  readonly dataProtectionOfficers: readonly PersonRef[];
  isDataProtectionOfficer(personId: string): boolean;
}

/** Counts by class of record (never content): what a retention run removed, or a dry run would remove. */
export type ClassCounts = Partial<Record<RecordClass, number>>;

export interface RetentionRun {
  readonly on: CalendarDate;
  readonly mode: 'dryRun' | 'removal';
  readonly counts: ClassCounts;
  readonly finishedAt: string;
}

/** What a removed record leaves behind, so the board's figures stay true: its class, month and amounts, no identity. */
export interface AnonymisedFigure {
  readonly recordClass: RecordClass;
  readonly month: string;
  /** How many the figure counts (people booked on a removed session, visits done in a rota month); 1 when absent. */
  readonly count?: number;
  readonly minutes?: number;
  readonly pence?: number;
}

export interface FigureTotals {
  readonly count: number;
  readonly minutes: number;
  readonly pence: number;
}

export interface PrivacyStore {
  getRequest(id: string): Promise<Versioned<SubjectAccessRequest> | undefined>;
  saveRequest(change: Change<SubjectAccessRequest>): Promise<void>;
  listRequests(): Promise<Versioned<SubjectAccessRequest>[]>;
  getHold(key: string): Promise<Versioned<LegalHold> | undefined>;
  saveHold(change: Change<LegalHold>): Promise<void>;
  activeHolds(): Promise<LegalHold[]>;
  getRestriction(personId: string): Promise<Versioned<Restriction> | undefined>;
  saveRestriction(change: Change<Restriction>): Promise<void>;
  activeRestrictions(): Promise<Restriction[]>;
  saveTombstone(change: Change<Tombstone>): Promise<void>;
  unfinishedErasures(): Promise<Versioned<Tombstone>[]>;
  tombstones(): Promise<Tombstone[]>;
  saveRun(run: RetentionRun, audit: Change<unknown>['audit']): Promise<void>;
  runs(): Promise<RetentionRun[]>;
  figures(): Promise<Map<string, FigureTotals>>;
}

/** Reads everything held about one person across every table (docs/privacy.md, "Subject access"). */
export interface PersonalData {
  /** A young person's id from their case reference; the read is logged in the access log. */
  youngPersonByReference(reference: string, reader: PersonRef): Promise<{ id: string } | undefined>;
  rowsAbout(subject: DataSubject, reader: PersonRef): Promise<HeldRow[]>;
  /** True while the person has an active match (an erasure waits for the match to end). */
  hasActiveMatch(subject: DataSubject): Promise<boolean>;
}

/** The records the retention job may remove, and their removal in batches. */
export interface RetentionRecords {
  /** Every record of the schedule's classes that has passed its date and is not held, as of `today`. */
  due(schedule: RetentionSchedule, today: CalendarDate, holds: ReadonlySet<string>): Promise<DueRecords>;
  /** Records the anonymised figures first, then removes; safe to run again after a crash. */
  remove(records: DueRecords): Promise<ClassCounts>;
  /** The figures the classes feed (count, minutes, pence by class and month) over the rows still stored. */
  liveFigures(): Promise<Map<string, FigureTotals>>;
}

export interface DueRecords {
  readonly counts: ClassCounts;
  readonly items: readonly DueItem[];
}

/** One row to remove; `counted` rows make up the class counts (a record's audit and outbox rows go with it, uncounted). */
export interface DueItem {
  readonly recordClass: RecordClass;
  readonly table: string;
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly counted: boolean;
  /** How many records of its class a counted row stands for (a rota row carries several months); 1 when absent. */
  readonly records?: number;
  readonly figure?: AnonymisedFigure;
  /** Further figures the same row leaves (a rota row's months, a cohort book's cohorts). */
  readonly figures?: readonly AnonymisedFigure[];
  /**
   * Instead of deleting: the row written back with the names taken out, only if unchanged since it was read (its etag).
   * `traceKey` names what it takes out, so its figures are keyed by that and a rerun writes them again, never twice.
   */
  readonly rewrite?: { readonly entity: Readonly<Record<string, unknown>>; readonly etag: string; readonly traceKey: string };
}

/** Removes or anonymises everything about a person, one idempotent pass at a time. */
export interface PersonEraser {
  /** The strings that identify the person in stored rows (their id, and their name or case reference). */
  identifiersOf(subject: DataSubject): Promise<string[]>;
  /** Deletes the rows that are theirs and removes the identifiers from every other row; the same call again finishes the job. */
  erase(identifiers: readonly string[], skip: { readonly table: string; readonly partitionKey: string; readonly rowKey: string }): Promise<void>;
}

export interface PrivacyDeps {
  readonly store: PrivacyStore;
  readonly personalData: PersonalData;
  readonly retention: RetentionRecords;
  readonly eraser: PersonEraser;
  readonly schemeRoles: SchemeRoles;
  readonly privacyRoles: PrivacyRoles;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly schedule: RetentionSchedule;
  readonly newId: () => string;
  /** Queues messages outside any record's write (a dry run's report): carried out once per id. */
  readonly tell: (effects: readonly Effect[]) => Promise<void>;
  /** How many days before a request's due date its reminder goes to the coordinators and the DPO. */
  readonly reminderDays: number;
}
