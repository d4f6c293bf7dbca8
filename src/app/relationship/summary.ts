import type { PersonRef } from '../../domain/person.js';
import { summariseMonth, type MonthlySummary, type RelationshipMatch } from '../../domain/relationship/index.js';
import { ok, type Result } from '../../domain/result.js';
import { requireCoordinator } from '../matching/coordinator-only.js';
import { checkMonth } from './claims.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { startedAt } from './relationship-record.js';

export interface StoredSummary {
  readonly summary: MonthlySummary;
  readonly mentorNames: ReadonlyMap<string, string>;
}

/**
 * The coordinator's month: every match running in it (active ones from the matching feature, ended ones from our rows),
 * minutes against 90, who to follow up, reviews and ends due, and refreshment totals. Three queries, then the pure summary.
 */
export async function monthlySummary(deps: RelationshipDeps, actor: PersonRef, month: unknown): Promise<Result<StoredSummary>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const checked = checkMonth(month);
  if (!checked.ok) return checked;
  const timeZone = deps.policy.timeZone;
  const [active, rows, meetings, claims] = await Promise.all([
    deps.matches.list(),
    deps.relationships.list(),
    deps.relationships.allMeetings(),
    deps.relationships.claimsForMonth(checked.value),
  ]);
  const byId = new Map(rows.map((row) => [row.value.matchId, row.value]));
  const matches: RelationshipMatch[] = active.map((match) => ({
    matchId: match.id,
    mentorId: match.mentorId,
    startedAt: startedAt(match.startedOn, timeZone),
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
  const mentorNames = new Map<string, string>();
  for (const mentorId of new Set(summary.matches.map((row) => row.mentorId))) {
    mentorNames.set(mentorId, (await deps.journey.mentors.get(mentorId))?.value.name ?? 'A mentor');
  }
  return ok({ summary, mentorNames });
}
