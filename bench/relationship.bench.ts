import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { summariseMonth } from '../src/relationship/domain/index.js';
import { median } from './support/percentiles.js';
import { MATCHES, MONTHS, relationshipBenchData } from './support/relationship-data.js';

const RUNS = 15;
const TARGET_MS = 200;
const AS_OF = new Date('2026-07-02T09:00:00Z');
const SUMMARY_MONTH = '2026-06';

export async function benchRelationship(): Promise<void> {
  const data = relationshipBenchData();
  const input = { month: SUMMARY_MONTH, asOf: AS_OF, ...data };
  summariseMonth(input); // warm-up: the first run pays for Intl set-up and compilation
  const times: number[] = [];
  let alerts = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    alerts = summariseMonth(input).totals.coordinatorAlerts;
    times.push(performance.now() - started);
  }
  const ms = median(times);
  console.log(
    `relationship: coordinator's monthly summary, ${MATCHES} matches × ${MONTHS} months ` +
      `(${data.meetings.length} meetings, ${data.claims.length} claims, ${alerts} alerts): ` +
      `median ${ms.toFixed(2)} ms of ${RUNS} runs (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}); ` +
      `target < ${TARGET_MS} ms ${ms < TARGET_MS ? 'OK' : 'MISSED'}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRelationship();
}
