import { describe, expect, it } from 'vitest';
import { backoffMs, classifyDelivery, DEFAULT_RETRY_POLICY, judgeAnswer, retryAfterMs, type SendResult } from '../../../../src/platform/kernel/delivery/delivery-outcome.js';
import { DEFAULT_PATIENT_POLICY, nextTry } from '../../../../src/platform/kernel/delivery/patient-retry.js';

const now = new Date('2026-10-05T09:00:00.000Z');
const first = { attempt: 1, now, jitter: 0.5 };

describe('classifyDelivery', () => {
  it.each<[string, SendResult]>([
    ['200', { status: 200 }],
    ['201', { status: 201 }],
    ['202', { status: 202 }],
  ])('%s is delivered', (_name, result) => {
    expect(classifyDelivery(result, first)).toEqual({ kind: 'delivered' });
  });

  it.each<[string, SendResult, number]>([
    ['429 with delay-seconds', { status: 429, headers: { 'Retry-After': '7' } }, 7_000],
    ['429 with a header name in lower case', { status: 429, headers: { 'retry-after': '2' } }, 2_000],
    ['429 with an HTTP-date', { status: 429, headers: { 'Retry-After': 'Mon, 05 Oct 2026 09:00:30 GMT' } }, 30_000],
    ['429 with a date already past', { status: 429, headers: { 'Retry-After': 'Mon, 05 Oct 2026 08:59:00 GMT' } }, 0],
    ['429 asking for days is capped', { status: 429, headers: { 'Retry-After': '864000' } }, DEFAULT_RETRY_POLICY.maxRetryAfterMs],
    ['429 without Retry-After backs off', { status: 429 }, 750],
    ['429 with an unreadable Retry-After backs off', { status: 429, headers: { 'Retry-After': 'soon-ish 12' } }, 750],
    ['503 honours Retry-After too', { status: 503, headers: { 'Retry-After': '3' } }, 3_000],
    ['500 backs off', { status: 500 }, 750],
    ['502 backs off', { status: 502 }, 750],
    ['504 backs off', { status: 504 }, 750],
    ['412, which Microsoft lists as transient', { status: 412 }, 750],
    ['408 request timeout', { status: 408 }, 750],
    ['a dropped connection', {}, 750],
    ['401: a sign-in Teams did not accept (credentials can be fixed)', { status: 401 }, 750],
    ['no token from Microsoft Entra', { noAnswer: 'tokenUnavailable' }, 750],
    ['a refused connection', { noAnswer: 'connectionRefused' }, 750],
  ])('%s: retry', (_name, result, waitMs) => {
    const outcome = classifyDelivery(result, first);
    expect(outcome).toMatchObject({ kind: 'retry', waitMs });
    if (outcome.kind === 'retry') expect(outcome.at.getTime()).toBe(now.getTime() + waitMs);
  });

  it.each<[string, SendResult, string, string]>([
    ['403: blocked or not installed', { status: 403 }, 'BOT_BLOCKED', 'blocked the bot'],
    ['404: user or chat gone', { status: 404 }, 'RECIPIENT_GONE', 'left the organisation'],
    ['400: a card Teams rejects as invalid', { status: 400 }, 'CARD_REJECTED', 'HTTP 400'],
    ['413: too large', { status: 413 }, 'CARD_REJECTED', 'HTTP 413'],
    ['405: anything else Teams refuses', { status: 405 }, 'REJECTED', 'HTTP 405'],
    ['a redirect the client did not follow', { status: 302 }, 'REJECTED', 'HTTP 302'],
  ])('%s fails at once', (_name, result, code, words) => {
    const outcome = classifyDelivery(result, { ...first, attempt: 1 });
    expect(outcome).toMatchObject({ kind: 'failed', code });
    if (outcome.kind === 'failed') expect(outcome.reason).toContain(words);
  });

  it.each<[string, SendResult]>([
    ['server errors', { status: 500 }],
    ['throttling', { status: 429, headers: { 'Retry-After': '1' } }],
    ['dropped connections', {}],
  ])('gives up on %s after the last attempt, with a reason', (_name, result) => {
    const last = DEFAULT_RETRY_POLICY.maxAttempts;
    expect(classifyDelivery(result, { ...first, attempt: last - 1 }).kind).toBe('retry');
    const outcome = classifyDelivery(result, { ...first, attempt: last });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'GAVE_UP' });
    if (outcome.kind === 'failed') expect(outcome.reason).toContain(`${last} tries`);
  });
});

describe('backoffMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [6, 0, 16_000],
    [7, 0, 30_000], // 64 s is over the 60 s cap
    [20, 1, 60_000],
    [1, -3, 500], // a jitter outside [0, 1) is held inside
    [1, 7, 1_000],
  ])('attempt %i with jitter %d waits %i ms', (attempt, jitter, expected) => {
    expect(backoffMs(attempt, jitter)).toBe(expected);
  });
});

describe('retryAfterMs', () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    ['120', 120_000],
    ['1.5', 1_500],
    ['-5', undefined],
    ['Mon, 05 Oct 2026 09:01:00 GMT', 60_000],
    ['not a date', undefined],
    ['soon-ish 12', undefined],
    ['2026-10-05T09:01:00Z', undefined],
  ])('%s gives %s', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

describe('judgeAnswer: each cause named, as data', () => {
  it.each<[string, SendResult, string, string]>([
    ['no token', { noAnswer: 'tokenUnavailable' }, 'TOKEN_UNAVAILABLE', 'could not get a token from Microsoft Entra'],
    ['connection refused', { noAnswer: 'connectionRefused' }, 'CONNECTION_REFUSED', 'Teams refused the connection'],
    ['connection reset', { noAnswer: 'connectionReset' }, 'CONNECTION_RESET', 'cut off'],
    ['timeout', { noAnswer: 'timedOut' }, 'TIMED_OUT', 'did not answer in time'],
    ['429', { status: 429 }, 'THROTTLED', 'slow down'],
    ['503', { status: 503 }, 'SERVER_ERROR', 'HTTP 503'],
  ])('%s is transient: %s', (_name, result, code, words) => {
    const verdict = judgeAnswer(result, now);
    expect(verdict).toMatchObject({ kind: 'transient', code });
    if (verdict.kind === 'transient') expect(verdict.reason).toContain(words);
  });
});

describe('nextTry: retried for a length of time, with capped backoff', () => {
  const HOUR = 3_600_000;
  const firstFailedAt = now;
  const at = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    [1, 0, 500],
    [5, 0, 8_000],
    [11, 0.5, 450_000],
    [12, 0.999, 599_700],
    [40, 1, DEFAULT_PATIENT_POLICY.maxDelayMs],
  ])('attempt %i (jitter %d) waits %i ms', (attempt, jitter, waitMs) => {
    expect(nextTry({ attempt, firstFailedAt, now: at(HOUR), jitter })).toEqual({ kind: 'retry', waitMs });
  });

  it('keeps trying through 6 hours, and the last wait lands on the give-up time', () => {
    expect(nextTry({ attempt: 60, firstFailedAt, now: at(6 * HOUR), jitter: 1 }).kind).toBe('retry');
    expect(nextTry({ attempt: 400, firstFailedAt, now: at(72 * HOUR - 1_000), jitter: 1 })).toEqual({ kind: 'retry', waitMs: 1_000 });
  });

  it('gives up at DELIVERY_GIVE_UP_HOURS after the first failure', () => {
    expect(nextTry({ attempt: 400, firstFailedAt, now: at(72 * HOUR), jitter: 0 })).toEqual({ kind: 'giveUp' });
    expect(nextTry({ attempt: 2, firstFailedAt, now: at(2 * HOUR), jitter: 0 }, { ...DEFAULT_PATIENT_POLICY, giveUpAfterMs: HOUR })).toEqual({ kind: 'giveUp' });
  });

  it('honours Retry-After, capped', () => {
    expect(nextTry({ attempt: 1, firstFailedAt, now, jitter: 0, retryAfterMs: 7_000 })).toEqual({ kind: 'retry', waitMs: 7_000 });
    expect(nextTry({ attempt: 1, firstFailedAt, now, jitter: 0, retryAfterMs: 99 * HOUR })).toEqual({ kind: 'retry', waitMs: DEFAULT_PATIENT_POLICY.maxRetryAfterMs });
  });
});
