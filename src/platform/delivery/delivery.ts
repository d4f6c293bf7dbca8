import type { DeliveryFailureCode, DeliveryVerdict, RetryCode } from '../kernel/delivery/delivery-outcome.js';
import type { Effect } from '../app/ports.js';

/**
 * Why a delivery did not happen: try again later, or never (the person is gone, or the bot is blocked). The sender
 * classifies the answer once, where it arrives; the codes travel with the error, so nobody reads its message to decide.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly outcome: 'retry' | 'permanent',
    readonly retryAfterMs?: number,
    /** Why a permanent failure is permanent, when the sender knows (blocked, gone, refused). */
    readonly code?: DeliveryFailureCode,
    /** Why a retry is needed, when the sender knows (no token, connection refused, throttled...). */
    readonly retryCode?: RetryCode,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  /** The error for a verdict that is not "delivered". */
  static from(verdict: Exclude<DeliveryVerdict, { kind: 'delivered' }>): DeliveryError {
    return verdict.kind === 'permanent'
      ? new DeliveryError(verdict.reason, 'permanent', undefined, verdict.code)
      : new DeliveryError(verdict.reason, 'retry', verdict.retryAfterMs, undefined, verdict.code);
  }
}

/** Carries out one effect (sends or updates a message); throws DeliveryError when it cannot. */
export interface EffectDelivery {
  deliver(effect: Effect): Promise<void>;
}
