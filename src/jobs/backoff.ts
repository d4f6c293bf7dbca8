/** Exponential backoff with full jitter, capped: 1 s, 2 s, 4 s … up to `capMs`. */
export function backoffMs(attempt: number, capMs = 5 * 60_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
