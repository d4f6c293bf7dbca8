import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Restriction } from '../domain/index.js';
import { requireDataProtectionOfficer } from './privacy-authority.js';
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
  return retryOnConflict(async () => {
    const stored = await deps.store.getRestriction(personId);
    if (stored && !stored.value.liftedAt) return ok(stored.value);
    const restriction: Restriction = { personId, kind: subject.value.kind, reason: why.value, by: actor, at: deps.clock.now().toISOString() };
    await deps.store.saveRestriction({ value: restriction, ...(stored ? { etag: stored.etag } : {}), audit: [entry(deps, actor, 'restricted', personId)], effects: [] });
    return ok(restriction);
  });
}

export async function liftRestriction(deps: PrivacyDeps, actor: PersonRef, personId: string): Promise<Result<Restriction>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  return retryOnConflict(async () => {
    const stored = await deps.store.getRestriction(personId);
    if (!stored || stored.value.liftedAt) return fail('NOT_RESTRICTED', "That person's records are not restricted.");
    const lifted: Restriction = { ...stored.value, liftedAt: deps.clock.now().toISOString(), liftedBy: actor };
    await deps.store.saveRestriction({ value: lifted, etag: stored.etag, audit: [entry(deps, actor, 'restrictionLifted', personId)], effects: [] });
    return ok(lifted);
  });
}

/** The restricted records are shown to the DPO alone. */
export async function listRestrictions(deps: PrivacyDeps, actor: PersonRef): Promise<Result<Restriction[]>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  return ok(await deps.store.activeRestrictions());
}

function entry(deps: PrivacyDeps, actor: PersonRef, action: string, personId: string) {
  return { at: deps.clock.now().toISOString(), actor, action, subjectId: personId };
}
