import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { personHoldKey, type LegalHold } from '../domain/index.js';
import { requirePrivacyActor } from './privacy-authority.js';
import { liftPlaced, placeOnce, type PlacedStore } from './placed-record.js';
import type { PrivacyDeps } from './privacy-ports.js';

/** A legal hold on a person (by directory id or young person id) stops retention for all their records until lifted. */
export async function placeLegalHold(deps: PrivacyDeps, actor: PersonRef, personId: string, reason: string): Promise<Result<LegalHold>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const why = checkFreeText(reason, { label: 'the reason for the hold', max: 500, required: true });
  if (!why.ok) return why;
  if (personId.trim() === '') return fail('PERSON_REQUIRED', 'Say whose records the hold is on.');
  const key = personHoldKey(personId.trim());
  return placeOnce(deps, actor, holdOf(deps, key), (at) => ({ key, reason: why.value, by: actor, at }), 'legalHoldPlaced', key);
}

export async function liftLegalHold(deps: PrivacyDeps, actor: PersonRef, personId: string): Promise<Result<LegalHold>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const key = personHoldKey(personId.trim());
  return liftPlaced(deps, actor, holdOf(deps, key), { code: 'NO_HOLD', message: 'There is no legal hold on that person.' }, 'legalHoldLifted', key);
}

function holdOf(deps: PrivacyDeps, key: string): PlacedStore<LegalHold> {
  return { get: () => deps.store.getHold(key), save: (change) => deps.store.saveHold(change) };
}
