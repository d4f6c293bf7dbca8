import type { Effect } from '../../platform/app/ports.js';
import { fanOutEffects } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';
import type { SessionMessage } from './session-messages.js';
import { withoutRestricted } from '../../platform/app/restricted-people.js';

export type FanOutMessage = Omit<Extract<SessionMessage, { type: 'sessionFanOut' }>, 'type'>;

/** The notices a person reads; a restricted person is sent none of them (their journey stage is still kept in line). */
const NOTICES: ReadonlySet<string> = new Set(['sessionReminder', 'sessionCancelled', 'sessionMoved']);

/**
 * The per-person effects one fan-out stands for, from the session as stored now, queued on the session's partition;
 * returns what it queued. Nobody whose records are restricted is reminded, or told of a cancelled or moved session
 * (docs/privacy.md).
 */
export async function expandFanOut(deps: SessionDeps, message: FanOutMessage): Promise<readonly Effect[]> {
  const stored = await deps.sessions.get(message.sessionId);
  if (!stored) return [];
  const all = fanOutEffects(stored.session, message.version, message.purpose, message.actor, message.personIds);
  const notices = await withoutRestricted(deps.restricted, all.filter((effect) => NOTICES.has(effect.message.type)), (effect) => effect.recipientId);
  const effects = all.filter((effect) => !NOTICES.has(effect.message.type) || notices.includes(effect));
  await deps.sessions.addEffects(message.sessionId, effects);
  return effects;
}
