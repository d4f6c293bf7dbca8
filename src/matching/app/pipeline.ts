import { dbsStatus } from '../domain/index.js';
import { MENTOR_STAGES, type Mentor, type MentorStage } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import type { YoungPersonStatus } from '../domain/young-people/index.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { MatchingDeps } from './matching-deps.js';

export interface Pipeline {
  readonly mentorsByStage: Record<MentorStage, number>;
  /** Trained, or profile written, and no young person yet: the risk in report 3.8. */
  readonly trainedUnmatched: readonly { readonly mentor: Mentor; readonly hasProfile: boolean; readonly dbsCleared: boolean }[];
  readonly youngPeopleByStatus: Record<YoungPersonStatus, number>;
  /** How many wait, and the longest wait in days: the risk in report 13.1. */
  readonly waiting: { readonly count: number; readonly longestDays: number };
}

/** The coordinator's numbers, restricted mentors left out (docs/privacy.md). No young person's record is read: counts and waiting times come from two plain columns. */
export async function pipeline(deps: MatchingDeps, actor: PersonRef): Promise<Result<Pipeline>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const now = deps.journey.clock.now();
  const records = new Map<string, { profile: boolean; cleared: boolean }>();
  for await (const record of deps.records.list()) {
    records.set(record.mentorId, { profile: !!record.profile, cleared: dbsStatus(record.dbs, deps.policy.dbsRenewAfterMonths, now) === 'cleared' });
  }
  const mentorsByStage = Object.fromEntries(MENTOR_STAGES.map((stage) => [stage, 0])) as Record<MentorStage, number>;
  const trainedUnmatched: Pipeline['trainedUnmatched'][number][] = [];
  const restricted = await deps.journey.restricted.restrictedIds();
  for (const stage of MENTOR_STAGES) {
    for await (const { value: mentor } of deps.journey.mentors.listByStage(stage)) {
      if (restricted.has(mentor.id.toLowerCase())) continue;
      mentorsByStage[stage] += 1;
      if (stage === 'trained' || stage === 'profileComplete') {
        const record = records.get(mentor.id);
        trainedUnmatched.push({ mentor, hasProfile: record?.profile ?? false, dbsCleared: record?.cleared ?? false });
      }
    }
  }
  const [youngPeopleByStatus, waitingSince] = await Promise.all([deps.youngPeople.countByStatus(), deps.youngPeople.waitingSince()]);
  const longest = waitingSince.reduce((most, each) => Math.max(most, now.getTime() - Date.parse(each.since || now.toISOString())), 0);
  return ok({
    mentorsByStage,
    trainedUnmatched,
    youngPeopleByStatus,
    waiting: { count: waitingSince.length, longestDays: Math.floor(longest / 86_400_000) },
  });
}
