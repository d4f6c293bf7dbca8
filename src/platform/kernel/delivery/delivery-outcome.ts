/** Why a try got no HTTP answer, as the transport saw it. */
export type NoAnswer = 'tokenUnavailable' | 'connectionRefused' | 'connectionReset' | 'timedOut' | 'unreachable';

/** What came back from one try at sending a message to one person. */
export interface SendResult {
  /** HTTP status; undefined when no answer came (connection dropped, timed out, name not resolved, no token). */
  readonly status?: number;
  /** Response headers; names in any case. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** When no answer came, why, if the transport knows. */
  readonly noAnswer?: NoAnswer;
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

/** Why a message failed for good. */
export type DeliveryFailureCode = 'BOT_BLOCKED' | 'RECIPIENT_GONE' | 'NOT_INSTALLED' | 'CARD_REJECTED' | 'REJECTED' | 'GAVE_UP';

/** Why a message must wait and be tried again. */
export type RetryCode = 'TOKEN_UNAVAILABLE' | 'CONNECTION_REFUSED' | 'CONNECTION_RESET' | 'TIMED_OUT' | 'UNREACHABLE' | 'THROTTLED' | 'SERVER_ERROR' | 'SIGN_IN_REFUSED' | 'TEMPORARY';

export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly at: Date; readonly waitMs: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly code: DeliveryFailureCode; readonly reason: string };

/** What one answer means, before any policy on how long to keep trying. */
export type DeliveryVerdict =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'transient'; readonly code: RetryCode; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'permanent'; readonly code: DeliveryFailureCode; readonly reason: string };

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
export function backoffMs(attempt: number, jitter: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'> = DEFAULT_RETRY_POLICY): number {
  const doubled = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, doubled);
  const spread = Math.min(Math.max(jitter, 0), 1);
  return Math.round(ceiling / 2 + (spread * ceiling) / 2);
}

const NO_ANSWER: Record<NoAnswer, { code: RetryCode; reason: string }> = {
  tokenUnavailable: { code: 'TOKEN_UNAVAILABLE', reason: 'The bot could not get a token from Microsoft Entra (its sign-in service)' },
  connectionRefused: { code: 'CONNECTION_REFUSED', reason: 'Teams refused the connection' },
  connectionReset: { code: 'CONNECTION_RESET', reason: 'The connection to Teams was cut off' },
  timedOut: { code: 'TIMED_OUT', reason: 'Teams did not answer in time' },
  unreachable: { code: 'UNREACHABLE', reason: 'The connection to Teams failed' },
};

/**
 * What one answer means. Waiting helps with no answer at all, a sign-in Teams did not accept (credentials can be
 * fixed), timeouts, throttling and server errors; it never helps with a blocked bot (403), a chat that is gone (404),
 * or a card Teams rejects (400, 413).
 */
export function judgeAnswer(result: SendResult, now: Date): DeliveryVerdict {
  const { status } = result;
  if (status === undefined) return { kind: 'transient', ...NO_ANSWER[result.noAnswer ?? 'unreachable'] };
  if (status >= 200 && status <= 299) return { kind: 'delivered' };
  const asked = retryAfterMs(header(result.headers, 'retry-after'), now);
  const wait = asked === undefined ? {} : { retryAfterMs: asked };
  if (status === 429) return { kind: 'transient', code: 'THROTTLED', reason: 'Teams asked the bot to slow down', ...wait };
  // Microsoft's rate-limit page also lists 412 among the codes to retry.
  if (status === 408 || status === 412 || (status >= 500 && status <= 599)) {
    return { kind: 'transient', code: 'SERVER_ERROR', reason: `Teams had a temporary problem (HTTP ${status})`, ...wait };
  }
  if (status === 401) return { kind: 'transient', code: 'SIGN_IN_REFUSED', reason: 'Teams did not accept the bot\u2019s sign-in; the app\u2019s credentials need checking' };
  return permanentFailure(status);
}

function permanentFailure(status: number): DeliveryVerdict {
  if (status === 403) return { kind: 'permanent', code: 'BOT_BLOCKED', reason: 'This person has blocked the bot, or the app is not installed for them.' };
  if (status === 404) return { kind: 'permanent', code: 'RECIPIENT_GONE', reason: 'This person or their chat with the bot no longer exists; they may have left the organisation.' };
  if (status === 400 || status === 413) return { kind: 'permanent', code: 'CARD_REJECTED', reason: `Teams rejected the message as invalid (HTTP ${status}).` };
  return { kind: 'permanent', code: 'REJECTED', reason: `Teams refused the message (HTTP ${status}).` };
}

/** Decides what happens to one recipient after one try: delivered, try again at a given time, or failed with a reason. */
export function classifyDelivery(result: SendResult, context: AttemptContext, policy: RetryPolicy = DEFAULT_RETRY_POLICY): DeliveryOutcome {
  return outcomeOf(judgeAnswer(result, context.now), context, policy);
}

/** What to do after an answer already judged (by whoever received it): done, wait and try again, or stop. */
export function outcomeOf(verdict: DeliveryVerdict, context: AttemptContext, policy: RetryPolicy = DEFAULT_RETRY_POLICY): DeliveryOutcome {
  if (verdict.kind === 'delivered') return verdict;
  if (verdict.kind === 'permanent') return { kind: 'failed', code: verdict.code, reason: verdict.reason };
  if (context.attempt >= policy.maxAttempts) return { kind: 'failed', code: 'GAVE_UP', reason: `${verdict.reason} on each of ${context.attempt} tries; it can be retried later.` };
  const waitMs = verdict.retryAfterMs === undefined ? backoffMs(context.attempt, context.jitter, policy) : Math.min(verdict.retryAfterMs, policy.maxRetryAfterMs);
  return { kind: 'retry', at: new Date(context.now.getTime() + waitMs), waitMs, reason: `${verdict.reason}; trying again in ${Math.ceil(waitMs / 1_000)} s.` };
}
