import type { QueueClient } from '@azure/storage-queue';
import { queueMessageFields } from '../../platform/storage/queue-message.js';

export interface RecipientMessage {
  readonly broadcastId: string;
  readonly recipientId: string;
}

export interface ReceivedRecipientMessage extends RecipientMessage {
  readonly messageId: string;
  readonly popReceipt: string;
}

/** Azure Storage Queues caps a message's initial invisibility at 7 days. */
const MAX_DELAY_SECONDS = 7 * 24 * 3600;

/**
 * The broadcast fan-out queue (Azure Storage Queues): one message per recipient, pointing at the recipient's row. A
 * message may arrive twice or after a crash; the row decides what happens, so a duplicate message is harmless.
 */
export class BroadcastQueue {
  constructor(private readonly queue: QueueClient) {}

  async enqueue(message: RecipientMessage, delayMs = 0): Promise<void> {
    const text = JSON.stringify({ b: message.broadcastId, r: message.recipientId });
    await this.queue.sendMessage(text, { visibilityTimeout: Math.min(MAX_DELAY_SECONDS, Math.ceil(Math.max(0, delayMs) / 1000)) });
  }

  /**
   * A few at a time: the worker takes at most the tenant's 50 a second, and a flood of queue writes from this process
   * slowed its first sends (the storage calls of both share one event loop and one storage account).
   */
  async enqueueAll(broadcastId: string, recipientIds: readonly string[], parallel = 4): Promise<void> {
    for (let start = 0; start < recipientIds.length; start += parallel) {
      await Promise.all(recipientIds.slice(start, start + parallel).map((recipientId) => this.enqueue({ broadcastId, recipientId })));
    }
  }

  /** Up to 32 messages, each hidden from other consumers for `visibilitySeconds` (Azure's limit per call). */
  async receive(max: number, visibilitySeconds: number): Promise<ReceivedRecipientMessage[]> {
    const response = await this.queue.receiveMessages({ numberOfMessages: Math.max(1, Math.min(32, max)), visibilityTimeout: visibilitySeconds });
    const received: ReceivedRecipientMessage[] = [];
    for (const item of response.receivedMessageItems) {
      const parsed = parse(item.messageText);
      if (parsed) received.push({ ...parsed, messageId: item.messageId, popReceipt: item.popReceipt });
      else await this.queue.deleteMessage(item.messageId, item.popReceipt).catch(() => undefined); // not ours: drop it
    }
    return received;
  }

  async complete(message: ReceivedRecipientMessage): Promise<void> {
    try {
      await this.queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      // 404: the message's invisibility ran out and another consumer took it; the row stops a second send.
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

function parse(text: string): RecipientMessage | undefined {
  const fields = queueMessageFields(text, ['b', 'r']);
  return fields ? { broadcastId: fields.b, recipientId: fields.r } : undefined;
}
