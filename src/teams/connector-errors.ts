import { DeliveryError } from '../app/delivery.js';

/** Reads a failed Bot Connector call: throttled or down → retry (honouring Retry-After); blocked or gone → permanent. */
export function connectorFailure(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const status = statusOf(error);
  const retryAfterMs = retryAfterOf(error);
  if (status === 429) return new DeliveryError('Teams asked us to slow down', 'retry', retryAfterMs);
  if (status === 403) return new DeliveryError('the bot is blocked by this person or not allowed in their tenant', 'permanent');
  if (status === 404) return new DeliveryError('this person or their chat no longer exists', 'permanent');
  if (status !== undefined && status >= 400 && status < 500) return new DeliveryError(`Teams refused the message (${status})`, 'permanent');
  return new DeliveryError(status ? `Teams did not accept the message (${status})` : 'Teams could not be reached', 'retry', retryAfterMs);
}

function statusOf(error: unknown): number | undefined {
  const value = error as { statusCode?: unknown; status?: unknown } | undefined;
  const status = value?.statusCode ?? value?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers as
    | { get?: (name: string) => string | undefined | null }
    | Record<string, string>
    | undefined;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
