import type { MentorCandidate } from '../domain/index.js';
import type { Mentor, MentorStage } from '../../journey/domain/index.js';
import type { MatchingDeps } from './matching-deps.js';
import type { MentorMatchingRecord } from './matching-ports.js';
import { withoutRestricted } from '../../platform/app/restricted-people.js';

/** Mentors matching considers: trained ones too, so the coordinator sees who is close and what they lack. */
export const CANDIDATE_STAGES: readonly MentorStage[] = ['trained', 'profileComplete', 'matched', 'active'];

export function candidateOf(mentor: Mentor, record: MentorMatchingRecord | undefined): MentorCandidate {
  return {
    id: mentor.id,
    name: mentor.name,
    stage: mentor.stage,
    ...(record?.profile ? { profile: record.profile } : {}),
    ...(record?.dbs ? { dbs: record.dbs } : {}),
    activeMatches: record?.activeMatches.length ?? 0,
    worksInChildrensServices: mentor.details?.worksInChildrensServices ?? false,
    conflicts: record?.conflicts ?? [],
  };
}

export async function loadCandidates(deps: MatchingDeps): Promise<MentorCandidate[]> {
  const records = new Map<string, MentorMatchingRecord>();
  for await (const record of deps.records.list()) records.set(record.mentorId, record);
  const candidates: MentorCandidate[] = [];
  for (const stage of CANDIDATE_STAGES) {
    for await (const { value: mentor } of deps.journey.mentors.listByStage(stage)) candidates.push(candidateOf(mentor, records.get(mentor.id)));
  }
  return withoutRestricted(deps.journey.restricted, candidates, (candidate) => candidate.id);
}
