import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { EXPECTED_MINUTES_PER_MONTH, firstExpectedMonthFrom, monthOf, previousMonth, shiftMonth, shortfallStreak, termStatus, type MonthKey } from '../domain/index.js';
import { mentorNamesOf } from './claims.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { withoutRestrictedMatches } from './restricted-matches.js';

export interface CommitmentRow {
  readonly matchId: string;
  readonly mentorName: string;
  /** Minutes logged in each of `months`, in the same order. */
  readonly minutes: readonly number[];
  /** The last two finished months both under 90 minutes (report 3.8). */
  readonly belowTwoMonthsRunning: boolean;
  readonly monthsElapsed: number;
  readonly reviewDate: string;
  readonly endDate: string;
}

export interface CommitmentOverview {
  readonly months: readonly MonthKey[];
  readonly expectedMinutes: number;
  readonly rows: readonly CommitmentRow[];
}

const MONTHS_SHOWN = 6;

/**
 * Every live match's (but those of restricted people) minutes month by month against the 90-minute month, for a coordinator: one row per active match,
 * minutes from the running totals the relationship keeps (no meeting is read, nothing of the young person), with the months to the 6-month review and the end.
 */
export async function commitmentOverview(deps: RelationshipDeps, actor: PersonRef): Promise<Result<CommitmentOverview>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const now = deps.journey.clock.now();
  const { timeZone } = deps.policy;
  const current = monthOf(now, timeZone);
  const months = Array.from({ length: MONTHS_SHOWN }, (_, index) => shiftMonth(current, index - MONTHS_SHOWN + 1));
  const [running, relationships] = await Promise.all([deps.matches.list(), deps.relationships.list()]);
  const live = await withoutRestrictedMatches(deps, running);
  const minutesOf = new Map(relationships.map(({ value }) => [value.matchId, value.minutesByMonth ?? {}]));
  const names = await mentorNamesOf(deps, live.map((match) => match.mentorId));
  const rows = live.map((match): CommitmentRow => {
    const minutes = new Map(Object.entries(minutesOf.get(match.id) ?? {}));
    const [year, month, day] = match.startedOn.split('-').map(Number) as [number, number, number];
    const firstMonth = firstExpectedMonthFrom({ year, month, day });
    const term = termStatus({ matchStartedAt: new Date(`${match.startedOn}T12:00:00Z`), now, timeZone });
    return {
      matchId: match.id,
      mentorName: names.get(match.mentorId) ?? 'A mentor',
      minutes: months.map((each) => minutes.get(each) ?? 0),
      belowTwoMonthsRunning: shortfallStreak(minutes, previousMonth(current), firstMonth) >= 2,
      monthsElapsed: term.monthsElapsed,
      reviewDate: term.reviewDate,
      endDate: term.endDate,
    };
  });
  return ok({ months, expectedMinutes: EXPECTED_MINUTES_PER_MONTH, rows: rows.sort((a, b) => a.mentorName.localeCompare(b.mentorName)) });
}
