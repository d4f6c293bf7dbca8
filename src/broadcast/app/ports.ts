import type { Broadcast, ProgressCounts, SessionSummary } from './broadcast.js';

/** How a broadcast reaches people: implemented over Teams in src/broadcast/teams/broadcast-sender.ts. */
export interface BroadcastSender {
  /**
   * Sends the broadcast's card to one person's own chat, installing the app first when needed; throws DeliveryError.
   * `whenReady` is awaited just before the request leaves (the pacer's slot, as close to Teams as it can be).
   */
  send(broadcast: Broadcast, recipientId: string, whenReady?: () => Promise<void>): Promise<void>;
  /** Updates the coordinator's broadcast card in place with the counts (and, when finished, the failures). */
  showProgress(broadcast: Broadcast, progress: ProgressCounts, finished: boolean): Promise<void>;
}

export type { GroupMembers } from '../../platform/app/ports.js';

/** Sessions a broadcast can invite people to. */
export interface SessionCatalog {
  upcoming(now: Date): Promise<SessionSummary[]>;
  get(sessionId: string): Promise<SessionSummary | undefined>;
}

/** Who has answered an invitation to a session, as the sessions feature keeps it: person ids. */
export interface InvitationAnswers {
  answersTo(sessionId: string): Promise<{ readonly booked: readonly string[]; readonly declined: readonly string[] } | undefined>;
}

/** The broadcast store as the use cases need it (src/broadcast/store/broadcast.repository.ts and its recipients). */
export interface BroadcastStore {
  create(broadcast: Broadcast, recipientIds: readonly string[], now: Date): Promise<boolean>;
  addRecipients(broadcastId: string, recipientIds: readonly string[], now: Date): Promise<string[]>;
  get(broadcastId: string): Promise<{ readonly broadcast: Broadcast; readonly state: 'sending' | 'finished' } | undefined>;
  counts(broadcastId: string, total?: number): Promise<ProgressCounts>;
  /** Everyone the broadcast is for. */
  recipientIds(broadcastId: string): Promise<string[]>;
  reopenFailed(broadcastId: string, now: Date): Promise<string[]>;
  /** The most recent broadcasts, newest first (the workspace's Broadcasts view). */
  listRecent(limit: number): Promise<ReadonlyArray<{ readonly broadcast: Broadcast; readonly state: 'sending' | 'finished' }>>;
  /** Every recipient of one broadcast with where they have got to (the workspace's report). */
  recipientsOf(broadcastId: string): Promise<readonly RecipientOutcome[]>;
}

/** One recipient of a broadcast as the report shows them: sent, failed (with the code and the reason) or waiting. */
export interface RecipientOutcome {
  readonly recipientId: string;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly code?: string;
  readonly reason?: string;
  readonly sentAt?: string;
}

/** The fan-out queue: every recipient queued, several to a message. */
export interface RecipientQueue {
  enqueueAll(broadcastId: string, recipientIds: readonly string[]): Promise<void>;
}
