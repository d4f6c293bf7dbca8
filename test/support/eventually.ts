/** Polls until `check` stops throwing (or returns true), for effects that happen in the bot's background worker. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== false) return value;
      lastError = new Error('check returned false');
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw lastError instanceof Error ? lastError : new Error('timed out');
}

/** Waits `ms` milliseconds of real time (for a bot's timers to have had their chance to run). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
