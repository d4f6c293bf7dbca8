import type { Match } from '../../matching/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type {
  ClaimPolicy,
  ConcernPolicy,
  EndReason,
  Feedback,
  FeedbackSide,
  MeetingMode,
  MentorNext,
  RefreshmentClaim,
  SupportConcern,
  YoungPersonNext,
} from '../domain/index.js';
import type { JourneyDeps } from '../../journey/index.js';
import type { AuditEntry, Effect, Versioned } from '../../platform/app/ports.js';

/** The matches the matching feature made, read through a port of our own so that its storage can change behind it. */
export interface ActiveMatches {
  /** The mentor's matches that are still active. */
  forMentor(mentorId: string): Promise<Match[]>;
  /** A match whatever its status (active or ended). */
  get(matchId: string): Promise<Match | undefined>;
  /** Every active match. */
  list(): Promise<Match[]>;
}

/**
 * What ending a match changes on the matching side: the match is marked ended, the young person goes back to the list
 * (or is paused or closed, by `youngPerson`), and the mentor's record no longer holds the match. Safe to call twice.
 */
export interface MatchingSide {
  endMatch(match: Match, youngPerson: YoungPersonNext, actor: PersonRef, now: Date, reason?: EndReason): Promise<void>;
  /** Who tells the young person a match has ended: their key adult. Reads the young person's record (the read is logged). */
  youngPersonContact(match: Pick<Match, 'youngPersonId'>, reader: PersonRef): Promise<YoungPersonContact | undefined>;
}

/** The least of a young person's record an ending needs: how to name them, and their key adult, who tells them. */
export interface YoungPersonContact {
  readonly firstName: string;
  readonly reference: string;
  readonly keyAdult: { readonly name: string; readonly role: 'personalAdviser' | 'socialWorker'; readonly contact: string };
}

export type ReviewAnswer = 'continue' | 'end';

/** What the relationship feature keeps about one match, beside the match itself. One row, etag-guarded. */
export interface Relationship {
  readonly matchId: string;
  readonly mentorId: string;
  readonly youngPersonId: string;
  /** The match's start day (YYYY-MM-DD), as the matching feature recorded it. */
  readonly startedOn: string;
  readonly status: 'active' | 'ended';
  /**
   * Minutes logged per month ("YYYY-MM"), kept in the same transaction as each meeting: the scheduled job and the
   * coordinator's summary read one row per match instead of every meeting.
   */
  readonly minutesByMonth?: Readonly<Record<string, number>>;
  /** Months ("YYYY-MM") the mentor has been nudged for: a nudge is queued once per month, whatever the number of instances. */
  readonly nudgedMonths: readonly string[];
  /** Finished months ("YYYY-MM") the coordinator was told about two months running under 90 minutes. */
  readonly alertedMonths: readonly string[];
  readonly review?: {
    readonly askedAt?: string;
    readonly mentor?: ReviewAnswer;
    readonly coordinator?: ReviewAnswer;
    /** Both said continue. */
    readonly recordedAt?: string;
  };
  readonly ending?: {
    readonly reason: EndReason;
    readonly endedBy: PersonRef;
    readonly endedAt: string;
    readonly youngPerson: YoungPersonNext;
    /** For the coordinator's record: never shown to the mentor, nor to a next mentor. */
    readonly note?: string;
    /** The coordinator closed the young person's record, which ended the match first. */
    readonly closedRecord?: boolean;
    /** Chosen by the mentor; absent until they choose (a coordinator or the term ended it). */
    readonly mentorNext?: MentorNext;
    /** The matching side and the mentor's journey have been brought in line (re-driven by the scheduled job until set). */
    readonly settledAt?: string;
  };
  /** Short feedback at the end, from the mentor and (through their key adult) the young person: for the coordinator's report. */
  readonly feedback?: Partial<Record<FeedbackSide, RecordedFeedback>>;
  /** Contact check-ins with the mentor: the ones the coordinator was prompted for, and those logged. */
  readonly checkIns?: {
    readonly prompted: readonly string[];
    readonly logged: readonly { readonly key: string; readonly at: string; readonly by: PersonRef }[];
  };
  readonly createdAt: string;
}

export interface RecordedFeedback extends Feedback {
  readonly at: string;
  readonly by: PersonRef;
}

export interface StoredMeeting {
  readonly id: string;
  readonly matchId: string;
  readonly mentorId: string;
  readonly date: string;
  readonly minutes: number;
  readonly mode: MeetingMode;
  readonly focus: string;
  readonly claimId?: string;
  readonly loggedAt: string;
}

export interface RelationshipWrite {
  readonly matchId: string;
  readonly relationship?: { readonly value: Relationship; readonly etag?: string };
  /** Created once: a meeting with the same id already stored makes the whole write a no-op (`written: false`). */
  readonly meeting?: StoredMeeting;
  readonly claim?: { readonly value: RefreshmentClaim; readonly etag?: string };
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/** Relationships, meetings and claims: one partition per match, so a meeting and its claim are one transaction. */
export interface RelationshipStore {
  get(matchId: string): Promise<Versioned<Relationship> | undefined>;
  list(): Promise<Versioned<Relationship>[]>;
  meetings(matchId: string): Promise<StoredMeeting[]>;
  getMeeting(matchId: string, meetingId: string): Promise<StoredMeeting | undefined>;
  getClaim(matchId: string, claimId: string): Promise<Versioned<RefreshmentClaim> | undefined>;
  /** Claims dated in a month ("YYYY-MM"), every match. */
  claimsForMonth(month: string): Promise<Versioned<RefreshmentClaim>[]>;
  /** Every claim of one match (one partition). */
  claimsOf(matchId: string): Promise<RefreshmentClaim[]>;
  /** ConcurrencyError on a stale etag or an existing row (other than a repeated meeting, which returns false). */
  commit(write: RelationshipWrite): Promise<{ written: boolean }>;
}

export interface ConcernStore {
  get(concernId: string): Promise<Versioned<SupportConcern> | undefined>;
  /** Concerns not yet acknowledged. */
  listOpen(): Promise<Versioned<SupportConcern>[]>;
  /** The concern with its audit and effects in one transaction: stored before anyone is notified. */
  save(change: { value: SupportConcern; etag?: string; audit: readonly AuditEntry[]; effects: readonly Effect[] }): Promise<void>;
}

/** Who hears about a concern, by Entra id, from configuration (coordinators when unset). */
export interface SupportContacts {
  readonly dutyContactIds: readonly string[];
  readonly serviceManagerIds: readonly string[];
  readonly leavingCareTeamIds: readonly string[];
  /** What the mentor is shown to call straight away. */
  readonly dutyLine?: string;
  readonly serviceManager?: { readonly name: string; readonly contact: string };
}

export interface RelationshipPolicy {
  readonly claims: ClaimPolicy;
  readonly concerns: ConcernPolicy;
  readonly nudgeDaysBeforeMonthEnd: number;
  readonly timeZone: string;
}

export interface RelationshipDeps {
  readonly journey: JourneyDeps;
  readonly matches: ActiveMatches;
  readonly matching: MatchingSide;
  readonly relationships: RelationshipStore;
  readonly concerns: ConcernStore;
  readonly contacts: SupportContacts;
  readonly policy: RelationshipPolicy;
  newId(): string;
}
