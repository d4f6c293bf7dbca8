import { formatLocalDate, type ClaimState, type RelationshipMatch, type SummaryClaim, type SummaryMeeting } from '../../src/relationship/domain/index.js';
import { seeded } from './seeded-random.js';

export const MATCHES = 500;
export const MONTHS = 18;

/** A council's worth of relationships for the relationship benchmarks: 500 matches, 18 months of meetings and claims. */
export interface RelationshipBenchData {
  matches: RelationshipMatch[];
  meetings: SummaryMeeting[];
  claims: SummaryClaim[];
}

/** The same data every run (seeded), so the pure and the stored benchmarks measure the same months. */
export function relationshipBenchData(): RelationshipBenchData {
  const random = seeded(6);
  const states: ClaimState[] = ['submitted', 'approved', 'paid', 'rejected'];
  const data: RelationshipBenchData = { matches: [], meetings: [], claims: [] };
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
