import type { Mentor } from '../../journey/domain/index.js';
import type { PersonRef } from '../kernel/person.js';
import type { SessionMessage } from '../../sessions/app/session-messages.js';

/** A value as read from storage with the etag that guards the next write of it. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** Someone else wrote first (HTTP 412 or 409): re-read and decide again. */
export class ConcurrencyError extends Error {
  constructor(message = 'The record changed while you were acting on it.') {
    super(message);
    this.name = 'ConcurrencyError';
  }
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: PersonRef;
  readonly action: string;
  readonly subjectId: string;
  readonly fromStage?: string;
  readonly toStage?: string;
  /** A stable code, never free text a person typed. */
  readonly detail?: string;
}

/** What the bot must tell someone; the Teams adapter renders it from current state when it sends. */
export type OutboundMessage =
  | { readonly type: 'approvalRequest'; readonly mentorId: string; readonly approvalId: string; readonly reminder?: boolean }
  | { readonly type: 'approvalDecided'; readonly mentorId: string; readonly approvalId: string }
  | { readonly type: 'approvalCardsUpdate'; readonly mentorId: string; readonly approvalId: string }
  | { readonly type: 'coordinatorNotice'; readonly notice: CoordinatorNotice }
  | SessionMessage
  // Matching (src/matching.feature.ts): ids only; the notifier reads what it may show when it sends.
  | { readonly type: 'askForProfile'; readonly mentorId: string }
  | { readonly type: 'matchRequest'; readonly youngPersonId: string; readonly proposalId: string }
  | { readonly type: 'matchStarted'; readonly youngPersonId: string; readonly matchId: string }
  | { readonly type: 'matchNotice'; readonly youngPersonId: string; readonly proposalId: string; readonly outcome: 'accepted' | 'declined' }
  // Relationships (src/relationship.feature.ts): ids and months only; the notifier reads the rest when it sends.
  | RelationshipMessage;

export type RelationshipMessage =
  | { readonly type: 'commitmentNudge'; readonly matchId: string; readonly month: string }
  | { readonly type: 'commitmentShortfall'; readonly matchId: string; readonly month: string }
  | { readonly type: 'relationshipReview'; readonly matchId: string }
  | { readonly type: 'relationshipEnded'; readonly matchId: string }
  | { readonly type: 'supportConcern'; readonly concernId: string; readonly reminder: boolean }
  | { readonly type: 'concernAcknowledged'; readonly concernId: string }
  | { readonly type: 'claimRejected'; readonly matchId: string; readonly claimId: string };

export type CoordinatorNotice =
  | { readonly kind: 'approvalDecided'; readonly mentorId: string; readonly approvalId: string }
  | { readonly kind: 'approvalEscalated'; readonly mentorId: string; readonly approvalId: string }
  | { readonly kind: 'recipientUnreachable'; readonly recipientId: string; readonly reason: string; readonly about: string };

/** A side effect to carry out after a write, exactly once per id. */
export interface Effect {
  /** The idempotency key: the same effect queued twice is carried out once. */
  readonly id: string;
  readonly recipientId: string;
  readonly message: OutboundMessage;
  /**
   * Effects of one partition with the same key each bring one thing up to date from the state as stored when they run
   * (a session's calendar): one run covers every such effect queued before it started, and the worker drops those.
   */
  readonly convergeKey?: string;
  /** Not before this long after the write, so a burst of changes is carried out once (with `convergeKey`). */
  readonly delayMs?: number;
}

export interface Change<T> {
  readonly value: T;
  /** The etag read with the value; absent when the record is new. */
  readonly etag?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

export interface MentorStore {
  get(mentorId: string): Promise<Versioned<Mentor> | undefined>;
  /** Writes the mentor, its audit entries and its effects as one transaction; throws ConcurrencyError on a stale etag. */
  save(change: Change<Mentor>): Promise<void>;
  listByStage(stage: Mentor['stage']): AsyncIterable<Versioned<Mentor>>;
}

export interface DirectoryPerson extends PersonRef {
  readonly jobTitle?: string;
  readonly department?: string;
  readonly mail?: string;
}

export interface Directory {
  getPerson(id: string): Promise<DirectoryPerson | undefined>;
  getManager(id: string): Promise<PersonRef | undefined>;
}

export interface SchemeRoles {
  readonly coordinators: readonly PersonRef[];
  readonly governanceApprovers: readonly PersonRef[];
  isCoordinator(personId: string): boolean;
}

export interface Clock {
  now(): Date;
}
