import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { SchemeRoles } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { requirePrivacyActor } from '../../privacy/index.js';

export interface WhoAmI {
  readonly person: PersonRef;
  readonly coordinator: boolean;
  /** Coordinators and the Data Protection Officer: the subject access requests (privacy's own check). */
  readonly subjectAccess: boolean;
}

/** What the tab shows first: the coordinator's views, or the person's own page. Decided by the bot's own checks. */
export function whoAmI(roles: SchemeRoles, actor: PersonRef): WhoAmI {
  return { person: actor, coordinator: requireCoordinator(roles, actor).ok, subjectAccess: requirePrivacyActor({ schemeRoles: roles, privacyRoles: roles }, actor).ok };
}
