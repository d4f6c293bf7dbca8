import { statusOf } from './storage-errors.js';

/** What the Azure SDK's HTTP client reports when it cannot reach storage at all (after its retries). */
const NETWORK_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

/**
 * Storage could not be reached or could not serve (a refused or broken connection, 5xx): the request never changed
 * anything it was refused for, so a person can safely be told to try again.
 */
export function isStorageUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_FAILURES.has(code)) return true;
  const status = statusOf(error);
  return status !== undefined && status >= 500;
}
