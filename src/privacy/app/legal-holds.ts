import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { personHoldKey, type LegalHold } from '../domain/index.js';
import { requirePrivacyActor } from './privacy-authority.js';
import type { PrivacyDeps } from './privacy-ports.js';

/** A legal hold on a person (by directory id or young person id) stops retention for all their records until lifted. */
export async function placeLegalHold(deps: PrivacyDeps, actor: PersonRef, personId: string, reason: string): Promise<Result<LegalHold>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const why = checkFreeText(reason, { label: 'the reason for the hold', max: 500, required: true });
  if (!why.ok) return why;
  if (personId.trim() === '') return fail('PERSON_REQUIRED', 'Say whose records the hold is on.');
  const key = personHoldKey(personId.trim());
  return retryOnConflict(async () => {
    const stored = await deps.store.getHold(key);
    if (stored && !stored.value.liftedAt) return ok(stored.value);
    const hold: LegalHold = { key, reason: why.value, by: actor, at: deps.clock.now().toISOString() };
    await deps.store.saveHold({ value: hold, ...(stored ? { etag: stored.etag } : {}), audit: [entry(deps, actor, 'legalHoldPlaced', key)], effects: [] });
    return ok(hold);
  });
}

export async function liftLegalHold(deps: PrivacyDeps, actor: PersonRef, personId: string): Promise<Result<LegalHold>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const key = personHoldKey(personId.trim());
  return retryOnConflict(async () => {
    const stored = await deps.store.getHold(key);
    if (!stored || stored.value.liftedAt) return fail('NO_HOLD', 'There is no legal hold on that person.');
    const lifted: LegalHold = { ...stored.value, liftedAt: deps.clock.now().toISOString(), liftedBy: actor };
    await deps.store.saveHold({ value: lifted, etag: stored.etag, audit: [entry(deps, actor, 'legalHoldLifted', key)], effects: [] });
    return ok(lifted);
  });
}

function entry(deps: PrivacyDeps, actor: PersonRef, action: string, key: string) {
  return { at: deps.clock.now().toISOString(), actor, action, subjectId: key };
}
