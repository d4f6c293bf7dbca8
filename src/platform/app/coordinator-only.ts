import type { PersonRef } from '../kernel/person.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { SchemeRoles } from './ports.js';

/** Checked on the server for every coordinator action, whatever a card says. */
export function requireCoordinator(roles: SchemeRoles, actor: PersonRef): Result<PersonRef, 'NOT_COORDINATOR'> {
  return roles.isCoordinator(actor.id)
    ? ok(actor)
    : fail('NOT_COORDINATOR', 'Only the scheme coordinators can do this. If you think you should be able to, ask the Leaving Care service manager.');
}
