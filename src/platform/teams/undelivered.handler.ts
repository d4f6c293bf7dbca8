import { type Turn, answerInvoke } from './turn.js';
import { tryAgainUndelivered } from '../delivery/undelivered/try-again-undelivered.js';
import type { PersonRef } from '../kernel/person.js';
import { errorCard } from './cards/error.card.js';
import { queuedAgainCard } from './cards/undelivered.card.js';
import type { TeamsDeps } from './teams-deps.js';

/** Try again, on an outage card (one outage's messages) or on a coordinator's help (all of them). */
export function tryAgainUndeliveredAction(deps: TeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const outageId = (data as { outageId?: unknown } | undefined)?.outageId;
    const { roles, clock } = deps;
    const result = await tryAgainUndelivered({ roles, clock, undelivered: deps.undelivered }, actor, typeof outageId === 'string' && outageId !== '' ? outageId : undefined);
    if (!result.ok) {
      deps.log.info({ code: result.error.code }, 'try again refused');
      return answerInvoke(context, errorCard(result.error.message, 'Only coordinators can do that'));
    }
    await answerInvoke(context, queuedAgainCard(result.value.queued));
  };
}
