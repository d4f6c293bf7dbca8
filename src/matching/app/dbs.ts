import { dbsStatus, parseDbsRecord, recordDbs, type DbsRecord, type DbsStatus } from '../domain/index.js';
import type { Mentor, MentorStage } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { dbsInput } from './form-input.js';
import type { MatchingDeps } from './matching-deps.js';
import { emptyMatchingRecord } from './matching-ports.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

/** Mentors who may need a check: approved and on their way, or mentoring. */
const DBS_STAGES: readonly MentorStage[] = ['approved', 'booked', 'trained', 'profileComplete', 'matched', 'active'];

/** The coordinator records an enhanced DBS check (report 13.2); kept with who recorded it and when. */
export async function recordDbsCheck(deps: MatchingDeps, actor: PersonRef, mentorId: string, input: unknown): Promise<Result<{ mentor: Mentor; dbs: DbsRecord }>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.journey.restricted, mentorId);
  if (refused) return refused;
  const now = deps.journey.clock.now();
  const parsed = parseDbsRecord(dbsInput(input), now);
  if (!parsed.ok) return fail(parsed.error.code, parsed.error.message);
  return retryOnConflict(async () => {
    const mentor = await deps.journey.mentors.get(mentorId);
    if (!mentor || !DBS_STAGES.includes(mentor.value.stage)) return fail('MENTOR_NOT_FOUND', 'That mentor is not on the scheme at a stage that needs a DBS check.');
    const current = await deps.records.get(mentorId);
    const at = deps.journey.clock.now();
    const dbs = recordDbs(parsed.value, actor, at);
    await deps.records.save({
      value: { ...(current?.value ?? emptyMatchingRecord(mentorId)), dbs },
      ...(current ? { etag: current.etag } : {}),
      audit: [{ at: at.toISOString(), actor, action: 'recordDbs', subjectId: mentorId, detail: dbs.updateService ? 'updateService' : 'certificate' }],
      effects: [],
    });
    return ok({ mentor: mentor.value, dbs });
  });
}

export interface MentorDbs {
  readonly mentor: Mentor;
  readonly status: DbsStatus;
  readonly dbs?: DbsRecord;
}

/** Mentors on the scheme without a current enhanced DBS check, but those whose records are restricted. */
export async function mentorsLackingDbs(deps: MatchingDeps, actor: PersonRef): Promise<Result<MentorDbs[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const records = new Map<string, DbsRecord | undefined>();
  for await (const record of deps.records.list()) records.set(record.mentorId, record.dbs);
  const now = deps.journey.clock.now();
  const lacking: MentorDbs[] = [];
  const restricted = await deps.journey.restricted.restrictedIds();
  for (const stage of DBS_STAGES) {
    for await (const { value: mentor } of deps.journey.mentors.listByStage(stage)) {
      if (restricted.has(mentor.id.toLowerCase())) continue;
      const dbs = records.get(mentor.id);
      const status = dbsStatus(dbs, deps.policy.dbsRenewAfterMonths, now);
      if (status !== 'cleared') lacking.push({ mentor, status, ...(dbs ? { dbs } : {}) });
    }
  }
  return ok(lacking);
}

/** The DBS form for one mentor: the mentor and the check on record, for a coordinator. */
export async function dbsFormFor(deps: MatchingDeps, actor: PersonRef, mentorId: string): Promise<Result<{ mentor: Mentor; dbs?: DbsRecord }>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.journey.restricted, mentorId);
  if (refused) return refused;
  const mentor = await deps.journey.mentors.get(mentorId);
  if (!mentor) return fail('MENTOR_NOT_FOUND', 'That mentor is not on the scheme.');
  const dbs = (await deps.records.get(mentorId))?.value.dbs;
  return ok({ mentor: mentor.value, ...(dbs ? { dbs } : {}) });
}
