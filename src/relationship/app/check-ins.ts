import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Relationship, RelationshipDeps } from './relationship-ports.js';
import { asId } from './relationship-record.js';

/** The coordinator logs a check-in with the mentor in one press. Once per check-in: a second press changes nothing. */
export async function logCheckIn(deps: RelationshipDeps, actor: PersonRef, matchId: unknown, key: unknown): Promise<Result<{ relationship: Relationship; key: string }>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const id = asId(matchId);
  if (!id || typeof key !== 'string' || !/^(week2|week4|month\d{1,2})$/.test(key)) return fail('CHECK_IN_INVALID', 'This card could not be read. Type "summary" to see the matches.');
  return retryOnConflict(async () => {
    const current = await deps.relationships.get(id);
    if (!current) return fail('MATCH_NOT_FOUND', 'This match is not on record.');
    const checkIns = current.value.checkIns ?? { prompted: [], logged: [] };
    if (checkIns.logged.some((each) => each.key === key)) return ok({ relationship: current.value, key });
    const at = deps.journey.clock.now().toISOString();
    const value: Relationship = { ...current.value, checkIns: { ...checkIns, logged: [...checkIns.logged, { key, at, by: actor }].slice(-24) } };
    await deps.relationships.commit({ matchId: id, relationship: { value, etag: current.etag }, audit: [{ at, actor, action: 'logCheckIn', subjectId: id, detail: key }], effects: [] });
    return ok({ relationship: value, key });
  });
}
