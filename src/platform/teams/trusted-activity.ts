import type { Activity } from 'botbuilder';

/** What of an activity decides whether its sender may be taken for a Teams user of the council. */
export type ActivityOrigin = Pick<Partial<Activity>, 'channelId' | 'conversation' | 'channelData'>;

/**
 * Only Teams, only our tenant. A valid Bot Framework token proves Bot Framework sent the activity, not that Teams did:
 * Web Chat is on every Azure Bot and a Direct Line client writes its own `from`, so `from.aadObjectId` is a Teams
 * identity only on `msteams` activities from the council's tenant. Every tenant the activity names must be ours.
 */
export function trustedActivity(activity: ActivityOrigin, tenantId: string): boolean {
  if (activity.channelId !== 'msteams') return false;
  const named = tenantsNamedBy(activity);
  const ours = tenantId.toLowerCase();
  return named.length > 0 && named.every((tenant) => typeof tenant === 'string' && tenant.toLowerCase() === ours);
}

function tenantsNamedBy(activity: ActivityOrigin): unknown[] {
  const fromChannelData: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const fromConversation: unknown = activity.conversation?.tenantId;
  return [fromChannelData, fromConversation].filter((tenant) => tenant !== undefined && tenant !== null);
}
