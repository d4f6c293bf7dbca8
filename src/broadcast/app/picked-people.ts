import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { Directory, SchemeRoles } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';

const AT_ONCE = 20;

/**
 * The people a coordinator picked by name on the compose card, read back from the directory so the card shows them by
 * name when it comes back (Edit, or a refusal). Ids the directory does not know are left out; the preview counts them.
 */
export async function pickedPeople(deps: { readonly roles: SchemeRoles; readonly directory: Directory }, actor: PersonRef, ids: readonly string[]): Promise<Result<PersonRef[], 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const found: PersonRef[] = [];
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    const people = await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => deps.directory.getPerson(id)));
    for (const person of people) if (person) found.push({ id: person.id, name: person.name });
  }
  return ok(found);
}
