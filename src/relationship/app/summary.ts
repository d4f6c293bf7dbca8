import type { PersonRef } from '../../platform/kernel/person.js';
import { summariseMonth, type MonthlySummary, type RelationshipMatch } from '../domain/index.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { coordinatorsMonth, mentorNamesOf } from './claims.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { pausesOf, startedAt } from './relationship-record.js';

export interface StoredSummary {
  readonly summary: MonthlySummary;
  readonly mentorNames: ReadonlyMap<string, string>;
}

/**
 * The coordinator's month: every match running in it (active ones from the matching feature, ended ones from our rows),
 * minutes against 90, who to follow up, reviews and ends due, and refreshment totals. Three queries (one row per match,
 * not one per meeting), then the pure summary.
 */
export async function monthlySummary(deps: RelationshipDeps, actor: PersonRef, month: unknown): Promise<Result<StoredSummary>> {
  const checked = coordinatorsMonth(deps, actor, month);
  if (!checked.ok) return checked;
  const timeZone = deps.policy.timeZone;
  const [active, rows, claims] = await Promise.all([deps.matches.list(), deps.relationships.list(), deps.relationships.claimsForMonth(checked.value)]);
  // Each relationship row carries its minutes per month; the summary counts by month, so one entry a month is enough.
  const meetings = rows.flatMap(({ value }) =>
    Object.entries(value.minutesByMonth ?? {}).map(([month, minutes]) => ({ matchId: value.matchId, date: `${month}-01`, minutes })),
  );
  const byId = new Map(rows.map((row) => [row.value.matchId, row.value]));
  const matches: RelationshipMatch[] = active.map((match) => ({
    matchId: match.id,
    mentorId: match.mentorId,
    startedAt: startedAt(match.startedOn, timeZone),
    pauses: pausesOf(match),
    reviewRecorded: byId.get(match.id)?.review?.recordedAt !== undefined,
  }));
  const activeIds = new Set(active.map((match) => match.id));
  for (const row of rows) {
    if (activeIds.has(row.value.matchId) || !row.value.ending) continue;
    matches.push({ matchId: row.value.matchId, mentorId: row.value.mentorId, startedAt: startedAt(row.value.startedOn, timeZone), endedAt: new Date(row.value.ending.endedAt) });
  }
  const summary = summariseMonth({
    month: checked.value,
    asOf: deps.journey.clock.now(),
    matches,
    meetings,
    claims: claims.map((claim) => claim.value),
    timeZone,
  });
  return ok({ summary, mentorNames: await mentorNamesOf(deps, summary.matches.map((row) => row.mentorId)) });
}
