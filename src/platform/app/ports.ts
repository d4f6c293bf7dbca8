import type { PersonRef } from '../kernel/person.js';
import type { OutboundMessage } from './outbound-message.js';

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

/** One record kept whole (an empty one when none was ever written), written with its audit rows and outbox effects. */
export interface WholeRecordStore<T> {
  /** The record as stored, with its etag (absent when none was written yet). */
  get(): Promise<{ readonly value: T; readonly etag?: string }>;
  /** One transaction: the record (etag-guarded), audit rows and outbox effects. Throws ConcurrencyError on a stale etag. */
  save(change: Change<T>): Promise<void>;
}

export interface DirectoryPerson extends PersonRef {
  readonly jobTitle?: string;
  readonly department?: string;
  readonly mail?: string;
  /** A phone number to call them back on (mobile first, else the first business phone). */
  readonly phone?: string;
}

export interface Directory {
  getPerson(id: string): Promise<DirectoryPerson | undefined>;
  getManager(id: string): Promise<PersonRef | undefined>;
}

export interface SchemeRoles {
  readonly coordinators: readonly PersonRef[];
  readonly governanceApprovers: readonly PersonRef[];
  isCoordinator(personId: string): boolean;
  /** The council's Data Protection Officer(s): restriction, erasure and restricted records are theirs alone (docs/privacy.md). */
  readonly dataProtectionOfficers: readonly PersonRef[];
  isDataProtectionOfficer(personId: string): boolean;
}

export interface Clock {
  now(): Date;
}

/** Members of a directory group, nested groups included (Graph /groups/{id}/transitiveMembers, GroupMember.Read.All). */
export interface GroupMembers {
  members(groupId: string): AsyncIterable<PersonRef>;
}

export type { OutboundMessage } from './outbound-message.js';
