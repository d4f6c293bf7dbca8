import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  formatLocalDate,
  summariseMonth,
  type ClaimState,
  type RelationshipMatch,
  type SummaryClaim,
  type SummaryMeeting,
} from '../src/relationship/domain/index.js';
import { seeded } from './support/seeded-random.js';

const MATCHES = 500;
const MONTHS = 18;
const RUNS = 15;
const TARGET_MS = 200;
const AS_OF = new Date('2026-07-02T09:00:00Z');
const SUMMARY_MONTH = '2026-06';

interface BenchData {
  matches: RelationshipMatch[];
  meetings: SummaryMeeting[];
  claims: SummaryClaim[];
}

function buildData(): BenchData {
  const random = seeded(6);
  const states: ClaimState[] = ['submitted', 'approved', 'paid', 'rejected'];
  const data: BenchData = { matches: [], meetings: [], claims: [] };
  for (let i = 0; i < MATCHES; i += 1) {
    const matchId = `match-${i}`;
    const startDay = 1 + Math.floor(random() * 28);
    data.matches.push({ matchId, mentorId: `mentor-${i % 60}`, startedAt: new Date(Date.UTC(2025, 0, startDay, 10)) });
    for (let month = 0; month < MONTHS; month += 1) {
      const meetings = Math.floor(random() * 4);
      for (let m = 0; m < meetings; m += 1) {
        const firstDay = month === 0 ? startDay : 1;
        const day = firstDay + Math.floor(random() * (29 - firstDay));
        const date = formatLocalDate({ year: 2025 + Math.floor(month / 12), month: (month % 12) + 1, day });
        data.meetings.push({ matchId, date, minutes: 15 + Math.floor(random() * 90) });
        if (random() < 0.4) {
          data.claims.push({ matchId, date, amountPence: 150 + Math.floor(random() * 1500), state: states[Math.floor(random() * 4)] ?? 'submitted' });
        }
      }
    }
  }
  return data;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function benchRelationship(): Promise<void> {
  const data = buildData();
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
