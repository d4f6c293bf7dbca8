import type { QueueClient } from '@azure/storage-queue';
import { queueMessageFields } from '../../platform/storage/queue-message.js';

export interface RecipientMessage {
  readonly broadcastId: string;
  readonly recipientId: string;
}

export interface ReceivedRecipientMessage extends RecipientMessage {
  readonly messageId: string;
  readonly popReceipt: string;
  /** The queue message this recipient came in, shared by every recipient it carries: deleted once all are complete. */
  readonly carrier: Carrier;
}

/** One received queue message and how many of its recipients are not complete yet. */
export interface Carrier {
  left: number;
}

/** Azure Storage Queues caps a message's initial invisibility at 7 days. */
const MAX_DELAY_SECONDS = 7 * 24 * 3600;
/**
 * Recipients one message of `enqueueAll` carries. One message a person cost three queue calls a send (write, read,
 * delete): at 50 sends a second, 150 of the worker's 250-odd storage calls a second. 16 a message, a few at a time,
 * stays far inside a message's 64 KB and its 30 s of invisibility (16 sends take a third of a second at the pace).
 */
export const RECIPIENTS_PER_MESSAGE = 16;

/**
 * The broadcast fan-out queue (Azure Storage Queues): each message points at recipients' rows (up to
 * RECIPIENTS_PER_MESSAGE). A message may arrive twice or after a crash; the rows decide what happens, so a duplicate
 * message is harmless, and a message one of whose recipients was left unfinished comes back whole.
 */
export class BroadcastQueue {
  constructor(private readonly queue: QueueClient) {}

  /** One recipient (a retry, a look again later), visible after `delayMs`. */
  async enqueue(message: RecipientMessage, delayMs = 0): Promise<void> {
    const text = JSON.stringify({ b: message.broadcastId, r: message.recipientId });
    await this.queue.sendMessage(text, { visibilityTimeout: Math.min(MAX_DELAY_SECONDS, Math.ceil(Math.max(0, delayMs) / 1000)) });
  }

  /**
   * Everyone, RECIPIENTS_PER_MESSAGE to a message, a few messages at a time: the worker takes at most the tenant's 50 a
   * second, and a flood of queue writes from this process slowed its first sends (one event loop, one storage account).
   */
  async enqueueAll(broadcastId: string, recipientIds: readonly string[], parallel = 4): Promise<void> {
    const packs: string[][] = [];
    for (let start = 0; start < recipientIds.length; start += RECIPIENTS_PER_MESSAGE) packs.push(recipientIds.slice(start, start + RECIPIENTS_PER_MESSAGE));
    for (let start = 0; start < packs.length; start += parallel) {
      await Promise.all(packs.slice(start, start + parallel).map((pack) => this.queue.sendMessage(JSON.stringify({ b: broadcastId, rs: pack }))));
    }
  }

  /**
   * Enough messages for about `max` recipients (1 to 32 messages, Azure's limit per call; it may come to more), each
   * hidden from other consumers for `visibilitySeconds`, one entry per recipient.
   */
  async receive(max: number, visibilitySeconds: number): Promise<ReceivedRecipientMessage[]> {
    const numberOfMessages = Math.max(1, Math.min(32, Math.ceil(max / RECIPIENTS_PER_MESSAGE)));
    const response = await this.queue.receiveMessages({ numberOfMessages, visibilityTimeout: visibilitySeconds });
    const received: ReceivedRecipientMessage[] = [];
    for (const item of response.receivedMessageItems) {
      const parsed = parse(item.messageText);
      if (!parsed) {
        await this.queue.deleteMessage(item.messageId, item.popReceipt).catch(() => undefined); // not ours: drop it
        continue;
      }
      const carrier: Carrier = { left: parsed.recipientIds.length };
      for (const recipientId of parsed.recipientIds) received.push({ broadcastId: parsed.broadcastId, recipientId, messageId: item.messageId, popReceipt: item.popReceipt, carrier });
    }
    return received;
  }

  /** This recipient is done with; the queue message goes when every recipient it carries is. */
  async complete(message: ReceivedRecipientMessage): Promise<void> {
    message.carrier.left -= 1;
    if (message.carrier.left > 0) return;
    try {
      await this.queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      // 404: the message's invisibility ran out and another consumer took it; the row stops a second send.
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

/** `{b, r}`: one recipient; `{b, rs}`: several (enqueueAll). */
function parse(text: string): { broadcastId: string; recipientIds: string[] } | undefined {
  const single = queueMessageFields(text, ['b', 'r']);
  if (single) return { broadcastId: single.b, recipientIds: [single.r] };
  const pack = queueMessageFields(text, ['b']) as { b: string; rs?: unknown } | undefined;
  if (!pack || !Array.isArray(pack.rs) || pack.rs.length === 0 || !pack.rs.every((id) => typeof id === 'string')) return undefined;
  return { broadcastId: pack.b, recipientIds: pack.rs as string[] };
}
