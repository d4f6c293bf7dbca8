import type { AudienceGroup } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';

/** A session the coordinator can invite people to, as the broadcast shows it. */
export interface SessionSummary {
  readonly id: string;
  readonly title: string;
  /** ISO 8601 instants. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly where: string;
  /** Which answer the invitation carries: the sessions feature's Book button, or supervision's Attend / Can't make it. */
  readonly answer: 'book' | 'rsvp';
}

/** What every recipient gets: the coordinator's words, with a session when it is an invitation. */
export interface BroadcastContent {
  /** Checked with checkBroadcastText; shown literally. */
  readonly text: string;
  readonly session?: SessionSummary;
}

/** Who was picked, as the coordinator picked them (for the report), not the resolved list. */
export interface AudienceChoice {
  readonly eligible: boolean;
  readonly groups: readonly AudienceGroup[];
  /** Entra object ids or e-mail addresses, as typed. */
  readonly people: readonly string[];
}

export type BroadcastStatus = 'sending' | 'finished';

export interface Broadcast {
  readonly id: string;
  readonly createdBy: PersonRef;
  readonly createdAt: string;
  readonly content: BroadcastContent;
  readonly audienceLabel: string;
  readonly total: number;
  /** The coordinator whose card shows progress; absent for the system's own broadcasts (supervision invitations). */
  readonly reportTo?: string;
}

export type RecipientStatus = 'pending' | 'sent' | 'failed';

/** The idempotency record of one recipient of one broadcast: the truth the queue messages only point at. */
export interface RecipientRecord {
  readonly broadcastId: string;
  readonly recipientId: string;
  readonly status: RecipientStatus;
  readonly attempts: number;
  /** Not to be tried before this instant (Retry-After, backoff). */
  readonly notBefore: string;
  /** A worker is sending until this instant; another may take over after it. */
  readonly claimedUntil: string;
  readonly code?: string;
  readonly reason?: string;
  readonly sentAt?: string;
  /** An earlier claim on this recipient was never followed by a recorded outcome: they may have received it twice. */
  readonly inDoubt: boolean;
  readonly etag: string;
}

export interface ProgressCounts {
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly remaining: number;
  /** Sent again after a send whose outcome was never recorded (a worker killed mid-send); absent means none. */
  readonly mayHaveReceivedTwice?: number;
  readonly failures: ReadonlyArray<{ readonly recipientId: string; readonly code: string; readonly reason: string }>;
}
