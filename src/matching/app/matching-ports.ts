import type { DbsRecord, DeclaredConflict, Match, MentorProfile, Proposal } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { YoungPeopleSearch, YoungPerson, YoungPersonStatus } from '../domain/young-people/index.js';
import type { AuditEntry, Change, Effect, Versioned } from '../../platform/app/ports.js';

/** What matching keeps of a mentor, beside the journey: the pen picture, the DBS check, the matches they hold. */
export interface MentorMatchingRecord {
  readonly mentorId: string;
  readonly profile?: MentorProfile;
  readonly profileUpdatedAt?: string;
  readonly dbs?: DbsRecord;
  /** The matches this mentor holds now; a new one is added here first, etag-guarded, so a mentor is never over-matched. */
  readonly activeMatches: readonly { readonly matchId: string; readonly youngPersonId: string }[];
  readonly conflicts: readonly DeclaredConflict[];
  /** When the bot asked the trained mentor for their pen picture (asked once). */
  readonly askedForProfileAt?: string;
}

export function emptyMatchingRecord(mentorId: string): MentorMatchingRecord {
  return { mentorId, activeMatches: [], conflicts: [] };
}

export interface MentorMatchingStore {
  get(mentorId: string): Promise<Versioned<MentorMatchingRecord> | undefined>;
  /** The record, its audit entries and its effects in one transaction; ConcurrencyError on a stale etag. */
  save(change: Change<MentorMatchingRecord>): Promise<void>;
  list(): AsyncIterable<MentorMatchingRecord>;
}

/** Why someone read a young person's record: a stable code kept in the access log. */
export type ReadPurpose =
  | 'list'
  | 'view'
  | 'edit'
  | 'changeStatus'
  | 'suggest'
  | 'propose'
  | 'recordChoice'
  | 'mentorResponse'
  | 'matchDetailsForMentor'
  | 'notice'
  | 'conflicts'
  | 'matchEnding'
  /** The privacy capability: a subject access request, a restriction or an erasure (docs/privacy.md). */
  | 'privacy';

export interface ReadAccess {
  readonly reader: PersonRef;
  readonly purpose: ReadPurpose;
}

/** Everything written in one young person's partition at once: all or nothing. */
export interface YoungPersonWrite {
  readonly youngPersonId: string;
  readonly youngPerson?: { readonly value: YoungPerson; readonly etag?: string };
  readonly proposal?: { readonly value: Proposal; readonly etag?: string };
  /** A match to create; its id is the proposal's, so a retried acceptance cannot create a second. */
  readonly match?: Match;
  /** A change to a match already stored (paused, resumed), etag-guarded. */
  readonly matchChange?: Versioned<Match>;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/**
 * Young people's records, in a table of their own. Every read of a record is written to the access log (who, when,
 * which record, why) before the record is returned; counts read no personal data.
 */
export interface YoungPeopleStore {
  get(youngPersonId: string, access: ReadAccess): Promise<Versioned<YoungPerson> | undefined>;
  /** `open`: everyone not closed. Only the records listed are read, and so logged. */
  list(access: ReadAccess, status?: YoungPersonStatus | 'open'): Promise<Versioned<YoungPerson>[]>;
  countByStatus(): Promise<Record<YoungPersonStatus, number>>;
  /** Ids and how long they have waited, without personal data. */
  waitingSince(): Promise<{ readonly youngPersonId: string; readonly since: string }[]>;
  /**
   * Ids, status and since when (the plain columns) of those not closed: what a list needs to order and page, nothing
   * personal. With a search, only those whose search column matches (compared in the store; no record is read).
   */
  openIndex(search?: YoungPeopleSearch): Promise<{ readonly youngPersonId: string; readonly status: YoungPersonStatus; readonly since: string }[]>;
  /** These records only (one page of a list), logged first as one write. */
  getMany(youngPersonIds: readonly string[], access: ReadAccess): Promise<Versioned<YoungPerson>[]>;
  getProposal(youngPersonId: string, proposalId: string): Promise<Versioned<Proposal> | undefined>;
  getMatch(youngPersonId: string, matchId: string): Promise<Match | undefined>;
  /** Every match the young person has had, active and ended, oldest first: ids and dates only, no personal data. */
  matchesOf(youngPersonId: string): Promise<Versioned<Match>[]>;
  commit(write: YoungPersonWrite): Promise<void>;
  /** The most recent reads of a record, newest first: who, when, why. */
  readsOf(youngPersonId: string, limit: number): Promise<readonly RecordRead[]>;
}

export interface RecordRead {
  readonly at: string;
  readonly readerId: string;
  readonly readerName: string;
  readonly purpose: string;
}

/** Who a matched mentor calls when something comes up (report 4.6); from configuration. */
export interface EmergencyContacts {
  readonly dutyLine?: string;
  readonly serviceManager?: { readonly name: string; readonly contact: string };
}
