import { backoffMs } from './delivery-outcome.js';

/** How an owed message is retried: for a length of time, not a number of tries, so an outage of hours loses nothing. */
export interface PatientRetryPolicy {
  /** How long after its first failure a message is still tried (DELIVERY_GIVE_UP_HOURS). */
  readonly giveUpAfterMs: number;
  readonly baseDelayMs: number;
  /** Cap on the backoff, so a message is tried again soon after an outage ends. */
  readonly maxDelayMs: number;
  /** Cap on a Retry-After the service asks for. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_PATIENT_POLICY: PatientRetryPolicy = {
  giveUpAfterMs: 72 * 3_600_000,
  baseDelayMs: 1_000,
  maxDelayMs: 10 * 60_000,
  maxRetryAfterMs: 3_600_000,
};

export interface FailedTry {
  /** 1 for the first try. */
  readonly attempt: number;
  /** When this message first failed (now, on its first failure). */
  readonly firstFailedAt: Date;
  readonly now: Date;
  /** In [0, 1): spreads retries apart. */
  readonly jitter: number;
  readonly retryAfterMs?: number;
}

export type NextTry = { readonly kind: 'retry'; readonly waitMs: number } | { readonly kind: 'giveUp' };

/**
 * After a transient failure: wait with capped exponential backoff (or as long as the service asked), until the give-up
 * time has passed. The last wait is cut short so one last try falls on the give-up time itself.
 */
export function nextTry(failed: FailedTry, policy: PatientRetryPolicy = DEFAULT_PATIENT_POLICY): NextTry {
  const deadline = failed.firstFailedAt.getTime() + policy.giveUpAfterMs;
  const left = deadline - failed.now.getTime();
  if (left <= 0) return { kind: 'giveUp' };
  const wanted = failed.retryAfterMs === undefined ? backoffMs(failed.attempt, failed.jitter, policy) : Math.min(failed.retryAfterMs, policy.maxRetryAfterMs);
  return { kind: 'retry', waitMs: Math.min(wanted, left) };
}
