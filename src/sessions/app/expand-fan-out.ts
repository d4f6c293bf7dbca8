import type { Effect } from '../../platform/app/ports.js';
import { fanOutEffects } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';
import type { SessionMessage } from './session-messages.js';
import { withoutRestricted } from '../../platform/app/restricted-people.js';

export type FanOutMessage = Omit<Extract<SessionMessage, { type: 'sessionFanOut' }>, 'type'>;

/**
 * The per-person effects one fan-out stands for, from the session as stored now, queued on the session's partition;
 * returns what it queued. Nobody whose records are restricted is reminded (docs/privacy.md).
 */
export async function expandFanOut(deps: SessionDeps, message: FanOutMessage): Promise<readonly Effect[]> {
  const stored = await deps.sessions.get(message.sessionId);
  if (!stored) return [];
  const all = fanOutEffects(stored.session, message.version, message.purpose, message.actor, message.personIds);
  const effects = message.purpose === 'reminder' ? await withoutRestricted(deps.restricted, all, (effect) => effect.recipientId) : all;
  await deps.sessions.addEffects(message.sessionId, effects);
  return effects;
}
