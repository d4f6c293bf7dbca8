import { DeliveryError } from './delivery.js';
import { judgeAnswer, type NoAnswer, type SendResult } from '../kernel/delivery/delivery-outcome.js';

/**
 * Reads a failed Bot Connector call once, where botbuilder hands it back, into the domain's verdict: an HTTP answer by
 * its status (and Retry-After), no answer by what the error is (a token MSAL could not get, a refused or reset
 * connection, a timeout). The verdict travels as data on the DeliveryError; nobody reads its message to decide.
 */
export function connectorFailure(error: unknown, now: Date): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const verdict = judgeAnswer(sendResultOf(error), now);
  if (verdict.kind === 'delivered') return new DeliveryError('Teams did not confirm the message', 'retry', undefined, undefined, 'UNREACHABLE');
  return DeliveryError.from(verdict);
}

function sendResultOf(error: unknown): SendResult {
  const status = statusOf(error);
  if (status !== undefined) return { status, headers: { 'retry-after': retryAfterHeader(error) } };
  return { noAnswer: noAnswerOf(error) };
}

const SOCKET_CODES: Record<string, NoAnswer> = {
  ECONNREFUSED: 'connectionRefused',
  ECONNRESET: 'connectionReset',
  EPIPE: 'connectionReset',
  ETIMEDOUT: 'timedOut',
  ESOCKETTIMEDOUT: 'timedOut',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
};

/** Why no HTTP answer came: the error itself, or what it wraps (`cause`), looked at as data. */
function noAnswerOf(error: unknown): NoAnswer {
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (isTokenFailure(current)) return 'tokenUnavailable';
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && SOCKET_CODES[code]) return SOCKET_CODES[code];
    if ((current as { name?: unknown }).name === 'AbortError') return 'timedOut';
  }
  return 'unreachable';
}

/**
 * MSAL's errors (AuthError and its kinds: ClientAuthError, ServerError, ...) carry an `errorCode`; botbuilder throws
 * them unchanged from the token request it makes before each call to the connector.
 */
function isTokenFailure(error: unknown): boolean {
  const { name, errorCode } = error as { name?: unknown; errorCode?: unknown };
  return typeof errorCode === 'string' && typeof name === 'string' && MSAL_ERRORS.has(name);
}

const MSAL_ERRORS = new Set(['AuthError', 'ClientAuthError', 'ClientConfigurationError', 'ServerError', 'InteractionRequiredAuthError']);

function statusOf(error: unknown): number | undefined {
  const value = error as { statusCode?: unknown; status?: unknown } | undefined;
  const status = value?.statusCode ?? value?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterHeader(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers as
    | { get?: (name: string) => string | undefined | null }
    | Record<string, string>
    | undefined;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  return raw ?? undefined;
}
