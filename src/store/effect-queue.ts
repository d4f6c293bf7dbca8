import type { QueueClient } from '@azure/storage-queue';

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

/** The durable work queue (Azure Storage Queues): one small message per partition with work, never the work itself. */
export class EffectQueue implements EffectSignal {
  constructor(private readonly queue: QueueClient) {}

  async signal(tableName: string, partitionKey: string, delayMs = 0): Promise<void> {
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
  try {
    const value = JSON.parse(text) as { t?: unknown; p?: unknown };
    return typeof value.t === 'string' && typeof value.p === 'string' ? { tableName: value.t, partitionKey: value.p } : undefined;
  } catch {
    return undefined;
  }
}
