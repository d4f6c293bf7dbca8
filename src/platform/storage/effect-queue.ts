import type { QueueClient } from '@azure/storage-queue';
import { queueMessageFields } from './queue-message.js';

/** Tells a worker that a partition has effects to carry out. */
export interface EffectSignal {
  signal(tableName: string, partitionKey: string, delayMs?: number): Promise<void>;
}

export interface PartitionSignal {
  readonly tableName: string;
  readonly partitionKey: string;
}

export interface ReceivedSignal extends PartitionSignal {
  readonly messageId: string;
  readonly popReceipt: string;
}

/**
 * The durable work queue (Azure Storage Queues): one small message per partition with work, never the work itself.
 * Immediate signals for one partition are coalesced: while one is being sent, everyone else asking shares a single
 * follow-up send, which starts after they asked (so after their rows were stored) and so still wakes a worker for them.
 * A rush of fifty bookings on one session then costs two queue messages, not fifty.
 */
export class EffectQueue implements EffectSignal {
  private readonly sending = new Map<string, Promise<void>>();
  private readonly followUps = new Map<string, Promise<void>>();
  /** When the delayed signal this instance last sent for a partition becomes visible (ms since the epoch). */
  private readonly delayed = new Map<string, number>();

  constructor(
    private readonly queue: QueueClient,
    private readonly now: () => Date,
  ) {}

  signal(tableName: string, partitionKey: string, delayMs = 0): Promise<void> {
    const key = JSON.stringify([tableName, partitionKey]);
    if (delayMs > 0) return this.sendLater(key, tableName, partitionKey, delayMs);
    const followUp = this.followUps.get(key);
    if (followUp) return followUp;
    const sending = this.sending.get(key);
    if (!sending) return this.start(key, tableName, partitionKey);
    const next = sending
      .catch(() => undefined)
      .then(() => {
        this.followUps.delete(key);
        return this.start(key, tableName, partitionKey);
      });
    this.followUps.set(key, next);
    return next;
  }

  /**
   * A delayed signal already in the queue that wakes a worker by then makes another unneeded: that worker signals
   * again for whatever is still waiting when it looks. A rush of delayed work then costs one message a second.
   */
  private async sendLater(key: string, tableName: string, partitionKey: string, delayMs: number): Promise<void> {
    const seconds = Math.ceil(delayMs / 1000);
    const visibleAt = this.now().getTime() + seconds * 1000;
    const queued = this.delayed.get(key);
    if (queued !== undefined && queued > this.now().getTime() && queued <= visibleAt) return;
    await this.send(tableName, partitionKey, delayMs);
    this.delayed.set(key, visibleAt);
    if (this.delayed.size > 1_000) for (const [old, at] of this.delayed) if (at <= this.now().getTime()) this.delayed.delete(old);
  }

  private start(key: string, tableName: string, partitionKey: string): Promise<void> {
    const sending: Promise<void> = this.send(tableName, partitionKey, 0).finally(() => {
      if (this.sending.get(key) === sending) this.sending.delete(key);
    });
    this.sending.set(key, sending);
    return sending;
  }

  private async send(tableName: string, partitionKey: string, delayMs: number): Promise<void> {
    const text = JSON.stringify({ t: tableName, p: partitionKey });
    await this.queue.sendMessage(text, { visibilityTimeout: Math.ceil(delayMs / 1000) });
  }

  async receive(max: number, visibilitySeconds: number): Promise<ReceivedSignal[]> {
    const response = await this.queue.receiveMessages({ numberOfMessages: max, visibilityTimeout: visibilitySeconds });
    return response.receivedMessageItems.flatMap((item) => {
      const parsed = parseSignal(item.messageText);
      return parsed ? [{ ...parsed, messageId: item.messageId, popReceipt: item.popReceipt }] : [];
    });
  }

  async complete(signal: ReceivedSignal): Promise<void> {
    await this.queue.deleteMessage(signal.messageId, signal.popReceipt);
  }
}

function parseSignal(text: string): PartitionSignal | undefined {
  const fields = queueMessageFields(text, ['t', 'p']);
  return fields ? { tableName: fields.t, partitionKey: fields.p } : undefined;
}
