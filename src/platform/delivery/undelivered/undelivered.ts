import type { DeliveryFailureCode, RetryCode } from '../../kernel/delivery/delivery-outcome.js';
import type { Effect } from '../../app/ports.js';

export type UndeliveredCode = DeliveryFailureCode | RetryCode;

/** A message the bot gave up sending, kept until a coordinator presses Try again. */
export interface UndeliveredMessage {
  /** Stable per effect: the source table and the effect's id. */
  readonly key: string;
  /** Where the effect was queued, so Try again queues it in the same place. */
  readonly tableName: string;
  readonly partitionKey: string;
  readonly effect: Effect;
  /** The cause of the last failure: a permanent code, or the transient one that lasted past the give-up time. */
  readonly code: UndeliveredCode;
  /** The last failure, as lastError holds it (for IT). */
  readonly detail: string;
  readonly failedAt: string;
  /** The outage it was reported in: one card to the coordinators per outage. */
  readonly outageId: string;
}

export type GivenUp = Omit<UndeliveredMessage, 'key' | 'outageId'>;

/** The undelivered list (Azure Tables); see src/platform/storage/undelivered.repository.ts. */
export interface UndeliveredStore {
  /**
   * Lists a message (again). It joins the open outage for its cause, or opens one under `newOutageId`: while a cause
   * lasts, everything it stops is one outage.
   */
  list(message: GivenUp, newOutageId: string): Promise<{ readonly outageId: string; readonly opened: boolean }>;
  listAll(): Promise<UndeliveredMessage[]>;
  listOutage(outageId: string): Promise<UndeliveredMessage[]>;
  /** A delivery succeeded: the outages open so far are over, and the next failure opens a new one. */
  endOutages(): Promise<void>;
  /** Queues the coordinators' cards about an outage. */
  queueCards(outageId: string, effects: readonly Effect[]): Promise<void>;
  /**
   * Queues the message again where it was queued and takes it off the list; false when it was off the list already (a
   * second press, or another coordinator's).
   */
  queueAgain(message: UndeliveredMessage, now: Date): Promise<boolean>;
}

/** The effect worker's side: what it calls when it gives up on a message, and when one gets through. */
export interface UndeliveredReport {
  gaveUp(message: GivenUp): Promise<void>;
  delivered(): Promise<void>;
}

export function undeliveredKey(tableName: string, effectId: string): string {
  return `${tableName}|${effectId}`;
}

/** The coordinators' own cards about undelivered messages: if one cannot be sent, it is logged, never listed again. */
export function isUndeliveredReport(effect: Effect): boolean {
  return effect.message.type === 'deliveryOutage' || effect.message.type === 'deliveryOutageUpdate';
}
