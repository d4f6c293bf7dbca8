/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** The percentiles, and against the p95 target when there is one. */
export function describeLatencies(label: string, values: readonly number[], targetP95Ms?: number): string {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(values, p).toFixed(1));
  const figures = `${label}: n=${values.length} p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`;
  if (targetP95Ms === undefined) return figures;
  const verdict = percentile(values, 95) < targetP95Ms ? 'within target' : 'OVER TARGET';
  return `${figures} (target p95 < ${targetP95Ms} ms, ${verdict})`;
}
