import type { SchemeRoles } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { PrivacyRoles } from './privacy-ports.js';

/** Subject access, legal holds and the dry run: the coordinators or the Data Protection Officer. */
export function requirePrivacyActor(roles: { schemeRoles: SchemeRoles; privacyRoles: PrivacyRoles }, actor: PersonRef): Result<PersonRef, 'NOT_PRIVACY_OFFICER'> {
  return roles.schemeRoles.isCoordinator(actor.id) || roles.privacyRoles.isDataProtectionOfficer(actor.id)
    ? ok(actor)
    : fail('NOT_PRIVACY_OFFICER', 'Only the scheme coordinators and the Data Protection Officer can do this. If you think you should be able to, ask the Leaving Care service manager.');
}

/** Restriction and erasure, and seeing restricted records: the Data Protection Officer alone. */
export function requireDataProtectionOfficer(roles: { privacyRoles: PrivacyRoles }, actor: PersonRef): Result<PersonRef, 'NOT_DPO'> {
  return roles.privacyRoles.isDataProtectionOfficer(actor.id)
    ? ok(actor)
    : fail('NOT_DPO', 'Only the Data Protection Officer can do this. If a person has asked for their records to be restricted or erased, pass the request to them.');
}

/** Everyone who runs the privacy work: told of dry runs and of requests coming due. */
export function privacyOfficers(roles: { schemeRoles: SchemeRoles; privacyRoles: PrivacyRoles }): PersonRef[] {
  const all = [...roles.schemeRoles.coordinators, ...roles.privacyRoles.dataProtectionOfficers];
  return all.filter((person, index) => all.findIndex((other) => other.id === person.id) === index);
}
