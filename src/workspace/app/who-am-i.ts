import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { SchemeRoles } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';

/** What the tab shows first: the coordinator's views, or the person's own page. Decided by the bot's own check. */
export function whoAmI(roles: SchemeRoles, actor: PersonRef): { readonly person: PersonRef; readonly coordinator: boolean } {
  return { person: actor, coordinator: requireCoordinator(roles, actor).ok };
}
