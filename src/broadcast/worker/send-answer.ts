import { DeliveryError } from '../../platform/delivery/delivery.js';
import { outcomeOf, type AttemptContext, type DeliveryOutcome, type DeliveryVerdict, type RetryCode, type RetryPolicy } from '../domain/index.js';

/** No answer, but the request may have reached Teams, which may have posted it: the next try may be a second copy. */
const UNCONFIRMED: ReadonlySet<RetryCode> = new Set(['CONNECTION_RESET', 'TIMED_OUT']);

/** What one send came to, and whether Teams may have posted it although it did not say so. */
export interface SendAnswer {
  readonly outcome: DeliveryOutcome;
  readonly unconfirmed: boolean;
}

export const DELIVERED: SendAnswer = { outcome: { kind: 'delivered' }, unconfirmed: false };

/** What a failed send comes to: sent again later, or given up with the reason the coordinator's report shows. */
export function failedSendAnswer(error: unknown, context: AttemptContext, retry: RetryPolicy): SendAnswer {
  const unconfirmed = error instanceof DeliveryError && error.retryCode !== undefined && UNCONFIRMED.has(error.retryCode);
  return { outcome: outcomeOf(verdictOf(error), context, retry), unconfirmed };
}

/** The sender already judged the answer where it arrived (DeliveryError carries it); it is read, not judged again. */
function verdictOf(error: unknown): DeliveryVerdict {
  if (!(error instanceof DeliveryError)) return { kind: 'transient', code: 'TEMPORARY', reason: 'An unexpected error stopped the bot sending it' };
  if (error.outcome === 'permanent') return { kind: 'permanent', code: error.code ?? 'REJECTED', reason: sentence(error.message) };
  return { kind: 'transient', code: error.retryCode ?? 'TEMPORARY', reason: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
