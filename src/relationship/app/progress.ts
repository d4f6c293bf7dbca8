import {
  EXPECTED_MINUTES_PER_MONTH,
  firstExpectedMonth,
  minutesInMonth,
  uncountedBecause,
  monthOf,
  termStatus,
  type MonthKey,
  type TermStatus,
} from '../domain/index.js';
import type { Match } from '../../matching/domain/index.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { pausesOf, startedAt } from './relationship-record.js';

/** What the mentor sees after logging: minutes this month against 90, months elapsed against 6 to 18. */
export interface RelationshipProgress {
  readonly matchId: string;
  readonly month: MonthKey;
  readonly minutesThisMonth: number;
  readonly expectedMinutes: number;
  readonly term: TermStatus;
  readonly meetingsLogged: number;
  /** Whether the 90 minutes are asked of this month (the one rule, isCountedMonth); if not, why, and from when they count. */
  readonly counted: boolean;
  readonly uncounted?: 'firstMonth' | 'paused';
  readonly countsFrom?: MonthKey;
}

export async function progressOf(deps: RelationshipDeps, match: Match, reviewRecorded = false): Promise<RelationshipProgress> {
  const now = deps.journey.clock.now();
  const timeZone = deps.policy.timeZone;
  const meetings = await deps.relationships.meetings(match.id);
  const month = monthOf(now, timeZone);
  const matchStartedAt = startedAt(match.startedOn, timeZone);
  const uncounted = uncountedBecause(month, matchStartedAt, pausesOf(match), timeZone);
  return {
    matchId: match.id,
    month,
    minutesThisMonth: minutesInMonth(meetings, month),
    expectedMinutes: EXPECTED_MINUTES_PER_MONTH,
    term: termStatus({ matchStartedAt, now, reviewRecorded, timeZone }),
    meetingsLogged: meetings.length,
    counted: uncounted === undefined,
    ...(uncounted ? { uncounted } : {}),
    ...(uncounted === 'firstMonth' ? { countsFrom: firstExpectedMonth(matchStartedAt, timeZone) } : {}),
  };
}
