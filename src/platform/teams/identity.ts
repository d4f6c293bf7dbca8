import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../kernel/person.js';
import type { ConversationAddress } from '../storage/conversation.repository.js';
import { trustedActivity } from './trusted-activity.js';

const TRUSTED_TENANT = Symbol('trustedTenant');

/** Set once, at the bot's door, for an activity from Teams in the council's tenant (bot.ts). */
export function markTrusted(context: TurnContext, tenantId: string): void {
  context.turnState.set(TRUSTED_TENANT, tenantId);
}

/** Defence in depth: a turn that did not come through the door, or whose activity changed since, has no actor. */
function isTrusted(context: TurnContext): boolean {
  const tenantId: unknown = context.turnState.get(TRUSTED_TENANT);
  return typeof tenantId === 'string' && trustedActivity(context.activity, tenantId);
}

/** Who is acting, from the Teams identity on the activity; card data is never asked. */
export function actorOf(context: TurnContext): PersonRef | undefined {
  if (!isTrusted(context)) return undefined;
  const from = context.activity.from;
  const id = from?.aadObjectId;
  // Entra object ids are GUIDs; the Agents Playground's mock users have one digit more, so the check is on shape only.
  if (!id || !/^[0-9a-f-]{8,64}$/i.test(id)) return undefined;
  return { id: id.toLowerCase(), name: from.name?.slice(0, 200) || 'Someone' };
}

/** A 1:1 chat with the bot: the only place it shows anything about anyone (not a channel or a group chat). */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

export function addressOf(context: TurnContext): ConversationAddress | undefined {
  const activity = context.activity;
  const actor = actorOf(context);
  if (!actor || !isPersonalChat(context) || !activity.serviceUrl) return undefined;
  const tenantId = activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    personId: actor.id,
    teamsUserId: activity.from.id,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
  };
}
