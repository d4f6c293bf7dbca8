/** What came back from one try at sending a message to one person. */
export interface SendResult {
  /** HTTP status; undefined when no answer came (connection dropped, timed out, name not resolved). */
  readonly status?: number;
  /** Response headers; names in any case. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

export interface AttemptContext {
  /** 1 for the first try. */
  readonly attempt: number;
  readonly now: Date;
  /** A random number in [0, 1), passed in so that the result is repeatable; spreads retries apart. */
  readonly jitter: number;
}

export interface RetryPolicy {
  /** Tries in all, the first included, before a recipient who keeps getting throttled or server errors is given up. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  /** Cap on the computed backoff. */
  readonly maxDelayMs: number;
  /** Cap on a Retry-After the service asks for, so that one odd header cannot stall a broadcast for days. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 3_600_000,
};

export type DeliveryFailureCode = 'BOT_BLOCKED' | 'RECIPIENT_GONE' | 'REJECTED' | 'GAVE_UP';

export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly at: Date; readonly waitMs: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly code: DeliveryFailureCode; readonly reason: string };

function header(headers: SendResult['headers'], name: string): string | undefined {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found?.[1]?.trim();
}

/** Milliseconds a Retry-After header asks for: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1_000);
  // HTTP-date as RFC 9110 tells senders to write it (IMF-fixdate); Date.parse alone accepts almost anything.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** Exponential backoff with jitter: half of the doubled delay for sure, the other half at random. */
export function backoffMs(attempt: number, jitter: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const doubled = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, doubled);
  const spread = Math.min(Math.max(jitter, 0), 1);
  return Math.round(ceiling / 2 + (spread * ceiling) / 2);
}

function retry(context: AttemptContext, waitMs: number, why: string): DeliveryOutcome {
  return { kind: 'retry', at: new Date(context.now.getTime() + waitMs), waitMs, reason: `${why}; trying again in ${Math.ceil(waitMs / 1_000)} s.` };
}

function failed(code: DeliveryFailureCode, reason: string): DeliveryOutcome {
  return { kind: 'failed', code, reason };
}

function isTransient(status: number | undefined): boolean {
  // Microsoft's rate-limit page also lists 412 among the codes to retry.
  return status === undefined || status === 408 || status === 412 || status === 429 || (status >= 500 && status <= 599);
}

function transientReason(status: number | undefined): string {
  if (status === undefined) return 'The connection to Teams failed';
  if (status === 429) return 'Teams asked the bot to slow down';
  return `Teams had a temporary problem (HTTP ${status})`;
}

function permanentFailure(status: number): DeliveryOutcome {
  if (status === 403) return failed('BOT_BLOCKED', 'This person has blocked the bot, or the app is not installed for them.');
  if (status === 404) return failed('RECIPIENT_GONE', 'This person or their chat with the bot no longer exists; they may have left the organisation.');
  if (status === 401) return failed('REJECTED', 'Teams did not accept the bot\u2019s sign-in; the app\u2019s credentials need checking.');
  return failed('REJECTED', `Teams refused the message (HTTP ${status}).`);
}

/** Decides what happens to one recipient after one try: delivered, try again at a given time, or failed with a reason. */
export function classifyDelivery(result: SendResult, context: AttemptContext, policy: RetryPolicy = DEFAULT_RETRY_POLICY): DeliveryOutcome {
  const { status } = result;
  if (status !== undefined && status >= 200 && status <= 299) return { kind: 'delivered' };
  if (!isTransient(status)) return permanentFailure(status ?? 0);
  const why = transientReason(status);
  if (context.attempt >= policy.maxAttempts) return failed('GAVE_UP', `${why} on each of ${context.attempt} tries; it can be retried later.`);
  const asked = retryAfterMs(header(result.headers, 'retry-after'), context.now);
  const waitMs = asked === undefined ? backoffMs(context.attempt, context.jitter, policy) : Math.min(asked, policy.maxRetryAfterMs);
  return retry(context, waitMs, why);
}
