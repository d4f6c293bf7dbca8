import type { DeliveryFailureCode } from '../kernel/delivery/delivery-outcome.js';
import type { Effect } from '../app/ports.js';

/** Why a delivery did not happen: try again later, or never (the person is gone, or the bot is blocked). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly outcome: 'retry' | 'permanent',
    readonly retryAfterMs?: number,
    /** Why a permanent failure is permanent, when the sender knows (blocked, gone, refused). */
    readonly code?: DeliveryFailureCode,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Carries out one effect (sends or updates a message); throws DeliveryError when it cannot. */
export interface EffectDelivery {
  deliver(effect: Effect): Promise<void>;
}
