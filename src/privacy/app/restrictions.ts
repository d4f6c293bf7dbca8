import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import type { Restriction } from '../domain/index.js';
import { requireDataProtectionOfficer } from './privacy-authority.js';
import { liftPlaced, placeOnce, type PlacedStore } from './placed-record.js';
import type { PrivacyDeps } from './privacy-ports.js';
import { subjectOf, type SubjectRef } from './subject-access-requests.js';

/** Restriction (Art. 18): the records stay, and are left out of matching, broadcasts, reminders and lists. DPO only. */
export async function restrictPerson(deps: PrivacyDeps, actor: PersonRef, ref: SubjectRef, reason: string): Promise<Result<Restriction>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  const why = checkFreeText(reason, { label: 'the reason for the restriction', max: 500, required: true });
  if (!why.ok) return why;
  const subject = await subjectOf(deps, actor, ref);
  if (!subject.ok) return subject;
  const personId = subject.value.kind === 'mentor' ? subject.value.personId : subject.value.youngPersonId;
  const placed = (at: string): Restriction => ({ personId, kind: subject.value.kind, reason: why.value, by: actor, at });
  return placeOnce(deps, actor, restrictionOf(deps, personId), placed, 'restricted', personId);
}

export async function liftRestriction(deps: PrivacyDeps, actor: PersonRef, personId: string): Promise<Result<Restriction>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  return liftPlaced(deps, actor, restrictionOf(deps, personId), { code: 'NOT_RESTRICTED', message: "That person's records are not restricted." }, 'restrictionLifted', personId);
}

/** The restricted records are shown to the DPO alone. */
export async function listRestrictions(deps: PrivacyDeps, actor: PersonRef): Promise<Result<Restriction[]>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  return ok(await deps.store.activeRestrictions());
}

function restrictionOf(deps: PrivacyDeps, personId: string): PlacedStore<Restriction> {
  return { get: () => deps.store.getRestriction(personId), save: (change) => deps.store.saveRestriction(change) };
}
