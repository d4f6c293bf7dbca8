import { DeliveryError } from './delivery.js';
import { classifyDelivery, retryAfterMs } from '../kernel/delivery/delivery-outcome.js';

/**
 * Reads a failed Bot Connector call with the domain's delivery rules: throttled or down → retry (honouring Retry-After);
 * blocked or gone → permanent, with a reason a coordinator can read. The worker counts attempts and backs off.
 */
export function connectorFailure(error: unknown, now: Date = new Date()): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const status = statusOf(error);
  const retryAfter = retryAfterHeader(error);
  const outcome = classifyDelivery({ ...(status !== undefined ? { status } : {}), headers: { 'retry-after': retryAfter } }, { attempt: 1, now, jitter: 0 });
  if (outcome.kind === 'failed') return new DeliveryError(outcome.reason, 'permanent', undefined, outcome.code);
  const reason = outcome.kind === 'retry' ? outcome.reason : 'Teams did not confirm the message';
  return new DeliveryError(reason, 'retry', retryAfterMs(retryAfter, now));
}

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
