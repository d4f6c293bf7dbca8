import type { DeclaredConflict } from '../domain/index.js';
import type { YoungPerson } from '../domain/young-people/index.js';
import type { Mentor, MentorStage } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { idFrom, listValue } from './form-input.js';
import type { MatchingDeps } from './matching-deps.js';
import { emptyMatchingRecord } from './matching-ports.js';
import { restrictedRefusal, withoutRestricted } from '../../platform/app/restricted-people.js';

const ON_SCHEME: readonly MentorStage[] = ['awaitingApproval', 'approved', 'booked', 'trained', 'profileComplete', 'matched', 'active'];
const MAX_YOUNG_PEOPLE = 50;

export interface CouncillorConflicts {
  readonly mentor: Mentor;
  readonly conflicts: readonly DeclaredConflict[];
}

/** Elected members on the scheme (but the restricted), with what they declared and the conflicts recorded from it. */
export async function councillorsWithConflicts(deps: MatchingDeps, actor: PersonRef): Promise<Result<CouncillorConflicts[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const conflicts = new Map<string, readonly DeclaredConflict[]>();
  for await (const record of deps.records.list()) conflicts.set(record.mentorId, record.conflicts);
  const found: CouncillorConflicts[] = [];
  for (const stage of ON_SCHEME) {
    for await (const { value: mentor } of deps.journey.mentors.listByStage(stage)) {
      if (mentor.details?.role === 'electedMember') found.push({ mentor, conflicts: conflicts.get(mentor.id) ?? [] });
    }
  }
  return ok(await withoutRestricted(deps.journey.restricted, found, (each) => each.mentor.id));
}

/**
 * The coordinator turns a councillor's declaration of interests into conflicts matching can check: areas of the borough,
 * or particular young people. Such a mentor is never suggested for them.
 */
export async function recordConflicts(deps: MatchingDeps, actor: PersonRef, mentorId: string, input: unknown): Promise<Result<readonly DeclaredConflict[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.journey.restricted, mentorId);
  if (refused) return refused;
  const data = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const areas = listValue(data.conflictAreas);
  const youngPeople = listValue(data.conflictYoungPeople);
  if (!Array.isArray(areas) || areas.some((area) => typeof area !== 'string' || !deps.areas.includes(area))) {
    return fail('UNKNOWN_VALUE', `Areas can only be: ${deps.areas.join(', ')}.`);
  }
  if (!Array.isArray(youngPeople) || youngPeople.length > MAX_YOUNG_PEOPLE || youngPeople.some((id) => idFrom({ id }, 'id') === undefined)) {
    return fail('BAD_FORMAT', 'The young people could not be read: please choose them from the list again.');
  }
  const conflicts: DeclaredConflict[] = [
    ...[...new Set(areas as string[])].map((area): DeclaredConflict => ({ kind: 'area', area })),
    ...[...new Set(youngPeople as string[])].map((youngPersonId): DeclaredConflict => ({ kind: 'youngPerson', youngPersonId })),
  ];
  return retryOnConflict(async () => {
    const mentor = await deps.journey.mentors.get(mentorId);
    if (!mentor || mentor.value.details?.role !== 'electedMember') return fail('MENTOR_NOT_FOUND', 'Conflicts of interest are recorded for elected members on the scheme.');
    const current = await deps.records.get(mentorId);
    const now = deps.journey.clock.now();
    await deps.records.save({
      value: { ...(current?.value ?? emptyMatchingRecord(mentorId)), conflicts },
      ...(current ? { etag: current.etag } : {}),
      audit: [{ at: now.toISOString(), actor, action: 'recordConflicts', subjectId: mentorId, detail: `${conflicts.length}` }],
      effects: [],
    });
    return ok(conflicts);
  });
}

/** The conflicts form for one councillor: what they declared and the young people it may concern, for a coordinator. */
export async function conflictsFormFor(
  deps: MatchingDeps,
  actor: PersonRef,
  mentorId: string,
): Promise<Result<{ mentor: Mentor; conflicts: readonly DeclaredConflict[]; youngPeople: YoungPerson[] }>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.journey.restricted, mentorId);
  if (refused) return refused;
  const mentor = await deps.journey.mentors.get(mentorId);
  if (!mentor || mentor.value.details?.role !== 'electedMember') return fail('NOT_A_COUNCILLOR', 'Conflicts of interest are recorded for elected members on the scheme.');
  const record = await deps.records.get(mentorId);
  const youngPeople = await deps.youngPeople.list({ reader: actor, purpose: 'conflicts' }, 'open');
  return ok({ mentor: mentor.value, conflicts: record?.value.conflicts ?? [], youngPeople: youngPeople.map((each) => each.value) });
}
