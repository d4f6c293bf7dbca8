import { dbsRenewsOn, dbsStatus, type DbsStatus } from '../domain/index.js';
import { MENTOR_STAGES, type Mentor } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { withoutRestricted } from '../../platform/app/restricted-people.js';
import type { MatchingDeps } from './matching-deps.js';

/** One mentor as the coordinator's list shows them: the journey with what matching keeps beside it. */
export interface RosterEntry {
  readonly mentor: Mentor;
  readonly dbs: DbsStatus;
  readonly dbsRenewsOn?: string;
  readonly hasProfile: boolean;
  readonly activeMatches: number;
}

/**
 * Every mentor in every stage, for a coordinator (the workspace's people view and funnel), but those whose records are
 * restricted (docs/privacy.md). No young person's record is read.
 */
export async function mentorRoster(deps: MatchingDeps, actor: PersonRef): Promise<Result<RosterEntry[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const now = deps.journey.clock.now();
  const [records, everyone] = await Promise.all([matchingRecords(deps, now), allMentors(deps)]);
  const mentors = await withoutRestricted(deps.journey.restricted, everyone, (mentor) => mentor.id);
  return ok(
    mentors.map((mentor) => {
      const record = records.get(mentor.id);
      return {
        mentor,
        dbs: record?.dbs ?? 'missing',
        hasProfile: record?.profile ?? false,
        activeMatches: record?.matches ?? 0,
        ...(record?.renews ? { dbsRenewsOn: record.renews } : {}),
      };
    }),
  );
}

async function matchingRecords(deps: MatchingDeps, now: Date): Promise<Map<string, { profile: boolean; dbs: DbsStatus; renews?: string; matches: number }>> {
  const records = new Map<string, { profile: boolean; dbs: DbsStatus; renews?: string; matches: number }>();
  for await (const record of deps.records.list()) {
    const renews = dbsRenewsOn(record.dbs, deps.policy.dbsRenewAfterMonths);
    records.set(record.mentorId, {
      profile: !!record.profile,
      dbs: dbsStatus(record.dbs, deps.policy.dbsRenewAfterMonths, now),
      matches: record.activeMatches.length,
      ...(renews ? { renews } : {}),
    });
  }
  return records;
}

/** One query of every mentor, in the journey's stage order as before. */
async function allMentors(deps: MatchingDeps): Promise<Mentor[]> {
  const found: Mentor[] = [];
  for await (const { value } of deps.journey.mentors.listAll()) found.push(value);
  return found.sort((a, b) => MENTOR_STAGES.indexOf(a.stage) - MENTOR_STAGES.indexOf(b.stage));
}
