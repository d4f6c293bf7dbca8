import {
  EXPECTED_MINUTES_PER_MONTH,
  minutesInMonth,
  monthOf,
  termStatus,
  type MonthKey,
  type TermStatus,
} from '../domain/index.js';
import type { Match } from '../../matching/domain/index.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { startedAt } from './relationship-record.js';

/** What the mentor sees after logging: minutes this month against 90, months elapsed against 6 to 18. */
export interface RelationshipProgress {
  readonly matchId: string;
  readonly month: MonthKey;
  readonly minutesThisMonth: number;
  readonly expectedMinutes: number;
  readonly term: TermStatus;
  readonly meetingsLogged: number;
}

export async function progressOf(deps: RelationshipDeps, match: Match, reviewRecorded = false): Promise<RelationshipProgress> {
  const now = deps.journey.clock.now();
  const timeZone = deps.policy.timeZone;
  const meetings = await deps.relationships.meetings(match.id);
  const month = monthOf(now, timeZone);
  return {
    matchId: match.id,
    month,
    minutesThisMonth: minutesInMonth(meetings, month),
    expectedMinutes: EXPECTED_MINUTES_PER_MONTH,
    term: termStatus({ matchStartedAt: startedAt(match.startedOn, timeZone), now, reviewRecorded, timeZone }),
    meetingsLogged: meetings.length,
  };
}
