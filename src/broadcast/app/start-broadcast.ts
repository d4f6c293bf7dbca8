import type { PersonRef } from '../../platform/kernel/person.js';
import type { Broadcast, BroadcastContent } from './broadcast.js';
import type { BroadcastStore, RecipientQueue } from './ports.js';

export interface StartBroadcastInput {
  readonly id: string;
  readonly content: BroadcastContent;
  readonly audienceLabel: string;
  readonly recipients: readonly string[];
  /** Whose card shows progress; undefined for the system's own broadcasts. */
  readonly reportTo?: string;
}

/**
 * Stores the broadcast with one idempotency row per recipient, then queues one message per recipient. Pressing Send
 * twice finds the broadcast already there and queues nothing; a crash before the messages went out leaves pending rows
 * that the sweeper queues again.
 */
export interface StartBroadcastOptions {
  /**
   * Queue the messages after answering (a card action must answer within seconds; 1,000 messages take longer). The
   * rows are already stored, so if this process dies meanwhile the sweeper queues whoever is left.
   */
  readonly inBackground?: (queueing: Promise<void>) => void;
}

export async function startBroadcast(
  deps: { broadcasts: BroadcastStore; queue: RecipientQueue },
  actor: PersonRef,
  input: StartBroadcastInput,
  now: Date,
  options: StartBroadcastOptions = {},
): Promise<{ broadcast: Broadcast; created: boolean }> {
  const broadcast: Broadcast = {
    id: input.id,
    createdBy: actor,
    createdAt: now.toISOString(),
    content: input.content,
    audienceLabel: input.audienceLabel,
    total: input.recipients.length,
    ...(input.reportTo ? { reportTo: input.reportTo } : {}),
  };
  const created = await deps.broadcasts.create(broadcast, input.recipients, now);
  if (created && options.inBackground) options.inBackground(deps.queue.enqueueAll(broadcast.id, input.recipients));
  else if (created) await deps.queue.enqueueAll(broadcast.id, input.recipients);
  const stored = await deps.broadcasts.get(broadcast.id);
  return { broadcast: stored?.broadcast ?? broadcast, created };
}

/** The Retry-failed button: failed recipients back to pending, and queued again. */
export async function retryFailed(deps: { broadcasts: BroadcastStore; queue: RecipientQueue }, broadcastId: string, now: Date): Promise<number> {
  const reopened = await deps.broadcasts.reopenFailed(broadcastId, now);
  await deps.queue.enqueueAll(broadcastId, reopened);
  return reopened.length;
}
