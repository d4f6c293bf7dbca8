import type { OutcomeWrite, RecipientRepository } from '../store/recipient.repository.js';

/** Azure Tables takes at most 100 operations in one transaction. */
const MAX_ROWS = 100;

interface Pending {
  readonly write: OutcomeWrite;
  readonly resolve: (written: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A group commit of recipients' outcomes. The first outcome is written at once; those answered while a write is on
 * its way wait for it and then go together, one transaction per broadcast (recipient rows share their broadcast's
 * partition). At 50 sends a second this is one storage write every few sends instead of one a send, and the wait for a
 * record stays about one write long however many sends finish meanwhile: a slow storage account slows the records'
 * batches, not the sends (back-pressure.ts still holds sends when records fall behind).
 */
export class OutcomeWriter {
  private pile: Pending[] = [];
  private writing = false;

  constructor(private readonly recipients: RecipientRepository) {}

  /** Writes the outcome over its claim; false when the row changed under the claim (someone else took it). */
  write(write: OutcomeWrite): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pile.push({ write, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pile.length > 0) {
        const taken = this.pile;
        this.pile = [];
        await Promise.all(groups(taken).map((group) => this.commit(group)));
      }
    } finally {
      this.writing = false; // set in the same turn as the empty pile was seen: no write can slip between
    }
  }

  private async commit(group: readonly Pending[]): Promise<void> {
    try {
      const written = await this.recipients.recordMany(group.map((pending) => pending.write));
      group.forEach((pending, index) => pending.resolve(written[index] ?? false));
    } catch (error) {
      for (const pending of group) pending.reject(error);
    }
  }
}

/** One group per broadcast, at most MAX_ROWS each. */
function groups(pending: readonly Pending[]): Pending[][] {
  const byBroadcast = new Map<string, Pending[]>();
  for (const item of pending) {
    const id = item.write.record.broadcastId;
    byBroadcast.set(id, [...(byBroadcast.get(id) ?? []), item]);
  }
  const result: Pending[][] = [];
  for (const items of byBroadcast.values()) {
    for (let start = 0; start < items.length; start += MAX_ROWS) result.push(items.slice(start, start + MAX_ROWS));
  }
  return result;
}
