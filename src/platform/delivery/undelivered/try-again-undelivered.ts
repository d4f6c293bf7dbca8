import type { PersonRef } from '../../kernel/person.js';
import { fail, ok, type Result } from '../../kernel/result.js';
import type { Clock, SchemeRoles } from '../../app/ports.js';
import type { UndeliveredStore } from './undelivered.js';

export interface TryAgainDeps {
  readonly roles: SchemeRoles;
  readonly undelivered: UndeliveredStore;
  readonly clock: Clock;
}

/**
 * A coordinator asks for undelivered messages to be sent again (one outage's, or all of them), once the cause is
 * fixed. Who may ask is decided here, from the verified identity; the card only says which list. Each message is
 * queued again once however often the button is pressed.
 */
export async function tryAgainUndelivered(deps: TryAgainDeps, actor: PersonRef, outageId?: string): Promise<Result<{ readonly queued: number }>> {
  if (!deps.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', 'Only the scheme coordinators can send undelivered messages again.');
  const listed = outageId ? await deps.undelivered.listOutage(outageId) : await deps.undelivered.listAll();
  let queued = 0;
  for (const message of listed) if (await deps.undelivered.queueAgain(message, deps.clock.now())) queued += 1;
  return ok({ queued });
}
