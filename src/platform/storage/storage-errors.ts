import { ConcurrencyError } from '../app/ports.js';

export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 404 → undefined for reads; 409 and 412 → ConcurrencyError; anything else passes through. */
export function translateWriteError(error: unknown): never {
  const status = statusOf(error);
  if (status === 409 || status === 412) throw new ConcurrencyError();
  throw error;
}

export async function orUndefinedWhenMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
