import type { Logger } from '../../log.js';
import { errorFields } from '../../log.js';
import type { Broadcast, RecipientRecord } from '../app/broadcast.js';
import type { BroadcastSender } from '../app/ports.js';
import type { RetryPolicy } from '../domain/index.js';
import { PacerStopped } from '../../platform/delivery/send-pacer.js';
import type { BroadcastQueue, ReceivedRecipientMessage } from '../store/broadcast-queue.js';
import type { BroadcastRepository } from '../store/broadcast.repository.js';
import type { RecipientRepository } from '../store/recipient.repository.js';
import type { RecordBackPressure } from './back-pressure.js';
import { OutcomeWriter } from './outcome-writer.js';
import { DELIVERED, failedSendAnswer, type SendAnswer } from './send-answer.js';

export interface QueueConsumerOptions {
  readonly concurrency: number;
  readonly claimMs: number;
  readonly visibilitySeconds: number;
  readonly pollMs: number;
  readonly retry: RetryPolicy;
}

/** Where the consumer's news goes: the progress card. */
export interface ProgressNews {
  /** A recipient's outcome was recorded. */
  touch(broadcastId: string): void;
  /** The queue ran dry with nothing in flight. */
  reportFinished(): void;
}

/**
 * Consumes the broadcast queue: each message carries one recipient or several. For each recipient, its row decides:
 * already sent or failed → done with; otherwise claim the row (etag), wait for a paced slot once the chat is known,
 * send, and record the outcome with the claim's etag (with the outcomes answered about the same time, outcome-writer.ts).
 */
export class QueueConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  /** Messages taken and not yet recorded: each holds a claim, so at most `concurrency` rows are claimed at once. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Recorded, their queue message still being completed: they hold no claim and no send slot. */
  private readonly finishing = new Set<Promise<void>>();
  private readonly outcomes: OutcomeWriter;
  /** Received, not taken yet (no claim): left behind on a stop, their message comes back when its invisibility ends. */
  private backlog: Array<{ message: ReceivedRecipientMessage; record: RecipientRecord | undefined }> = [];
  private readonly broadcastCache = new Map<string, Broadcast>();
  /** Nothing received and nothing in flight since the last look for finished broadcasts. */
  private idle = true;

  constructor(
    private readonly broadcasts: BroadcastRepository,
    private readonly recipients: RecipientRepository,
    private readonly queue: BroadcastQueue,
    private readonly sender: BroadcastSender,
    private readonly backPressure: RecordBackPressure,
    private readonly news: ProgressNews,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly options: QueueConsumerOptions,
  ) {
    this.outcomes = new OutcomeWriter(recipients);
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Takes no more messages (at once), then waits for the sends on the wire to finish and be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await Promise.allSettled([...this.finishing]);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const room = this.options.concurrency - this.inFlight.size;
        if (room > 0 && this.backlog.length > 0) {
          for (const { message, record } of this.backlog.splice(0, room)) this.take(message, record);
          continue;
        }
        // Receive in batches (half the slots at a time): a receive per freed slot would cost a storage call per recipient.
        const batch = Math.min(32, Math.max(1, Math.ceil(this.options.concurrency / 2)));
        if (room <= 0 || (room < batch && this.inFlight.size > 0)) {
          await Promise.race(this.inFlight);
          continue;
        }
        const messages = await this.queue.receive(room, this.options.visibilitySeconds);
        const records = await this.prefetch(messages);
        // A message may carry more recipients than there is room for: the rest wait here, unclaimed, for the next slots.
        this.backlog = messages.map((message) => ({ message, record: records.get(key(message.broadcastId, message.recipientId)) }));
        if (messages.length > 0) this.idle = false;
        else if (this.inFlight.size === 0) this.reportIfWentIdle();
        if (messages.length === 0) await sleep(this.options.pollMs);
      } catch (error) {
        this.log.error({ err: errorFields(error) }, 'broadcast worker pass failed; will retry');
        await sleep(this.options.pollMs * 4);
      }
    }
  }

  private take(message: ReceivedRecipientMessage, record: RecipientRecord | undefined): void {
    const handling: Promise<void> = this.handle(message, record).finally(() => this.inFlight.delete(handling));
    this.inFlight.add(handling);
  }

  private reportIfWentIdle(): void {
    if (this.idle) return;
    this.idle = true;
    this.news.reportFinished();
  }

  /** The rows of a received batch, one query per broadcast instead of one read per message. */
  private async prefetch(messages: readonly ReceivedRecipientMessage[]): Promise<Map<string, RecipientRecord>> {
    const byBroadcast = new Map<string, string[]>();
    for (const { broadcastId, recipientId } of messages) byBroadcast.set(broadcastId, [...(byBroadcast.get(broadcastId) ?? []), recipientId]);
    const found = new Map<string, RecipientRecord>();
    for (const [broadcastId, ids] of byBroadcast) {
      if (ids.length < 2) continue;
      for (const record of await this.recipients.getMany(broadcastId, ids)) found.set(key(broadcastId, record.recipientId), record);
    }
    return found;
  }

  private async handle(message: ReceivedRecipientMessage, prefetched?: RecipientRecord): Promise<void> {
    try {
      await this.process(message, prefetched);
    } catch (error) {
      if (error instanceof PacerStopped) return; // stopping: the message comes back to whoever runs next
      this.log.error({ err: errorFields(error), broadcastId: message.broadcastId }, 'broadcast message failed; it will come back');
    }
  }

  private async process(message: ReceivedRecipientMessage, prefetched?: RecipientRecord): Promise<void> {
    const { broadcastId, recipientId } = message;
    // A prefetched row may be a moment old: the etag-guarded claim below is what decides.
    const record = prefetched ?? (await this.recipients.get(broadcastId, recipientId));
    if (!record || record.status !== 'pending') return this.queue.complete(message);
    const waitMs = Math.max(Date.parse(record.notBefore), Date.parse(record.claimedUntil)) - this.now().getTime();
    if (waitMs > 0) return this.later(message, waitMs);
    const broadcast = await this.broadcast(broadcastId);
    if (!broadcast) return this.queue.complete(message);

    const claim = await this.recipients.claim(record, new Date(this.now().getTime() + this.options.claimMs));
    if (!claim) return this.later(message, 1_000); // changed under us: look again shortly
    const { etag } = claim;
    if (claim.inDoubt && !record.inDoubt) this.log.warn({ broadcastId }, 'an earlier send to a recipient was never recorded (its worker stopped mid-send): sending again; the report counts them as "may have received it twice"');

    const answer = await this.sendOne(broadcast, record, recipientId).catch(async (error: unknown) => {
      if (error instanceof PacerStopped) await this.recipients.release(record, etag).catch(() => undefined); // never sent
      throw error;
    });
    const { outcome } = answer;
    const recorded = await this.backPressure.recording(() => this.record(record, etag, answer));
    if (!recorded) this.log.warn({ broadcastId }, 'a recipient changed while it was being sent (claim ran out): it may get the message twice');
    this.news.touch(broadcastId);
    // The row says what happened and holds no claim now: the queue's part needs no send slot (the next send may start).
    this.finish(message, outcome.kind === 'retry' ? outcome.waitMs : undefined);
  }

  /** Queues a retry (`retryInMs`) and completes the message; if this process stops first, the sweeper re-queues the row. */
  private finish(message: ReceivedRecipientMessage, retryInMs: number | undefined): void {
    const { broadcastId, recipientId } = message;
    const finishing: Promise<void> = (async () => {
      if (retryInMs !== undefined) await this.queue.enqueue({ broadcastId, recipientId }, retryInMs);
      await this.queue.complete(message);
    })()
      .catch((error: unknown) => this.log.error({ err: errorFields(error), broadcastId }, 'a recorded broadcast message could not be completed; it will come back'))
      .finally(() => this.finishing.delete(finishing));
    this.finishing.add(finishing);
  }

  private async later(message: ReceivedRecipientMessage, waitMs: number): Promise<void> {
    await this.queue.enqueue(message, waitMs);
    await this.queue.complete(message);
  }

  /** Sends once the chat is known and back-pressure gives a paced slot (`paceAs`: the id as queued), the slot taken next to the request itself. */
  private async sendOne(broadcast: Broadcast, record: RecipientRecord, paceAs: string): Promise<SendAnswer> {
    const context = { attempt: record.attempts + 1, now: this.now(), jitter: Math.random() };
    try {
      await this.sender.send(broadcast, record.recipientId, () => this.backPressure.slot(paceAs));
      return DELIVERED;
    } catch (error) {
      if (error instanceof PacerStopped) throw error;
      return failedSendAnswer(error, context, this.options.retry);
    }
  }

  /** Written with the outcomes answered about the same time (outcome-writer.ts). */
  private record(record: RecipientRecord, etag: string, { outcome, unconfirmed }: SendAnswer): Promise<boolean> {
    if (outcome.kind === 'delivered') return this.outcomes.write({ record, etag, outcome: { kind: 'sent', at: this.now() } });
    if (outcome.kind === 'retry') return this.outcomes.write({ record, etag, outcome: { kind: 'retry', notBefore: outcome.at, reason: outcome.reason, ...(unconfirmed ? { inDoubt: true } : {}) } });
    return this.outcomes.write({ record, etag, outcome: { kind: 'failed', code: outcome.code, reason: outcome.reason } });
  }

  private async broadcast(broadcastId: string): Promise<Broadcast | undefined> {
    const cached = this.broadcastCache.get(broadcastId);
    if (cached) return cached;
    const stored = await this.broadcasts.get(broadcastId);
    // Content never changes after creation; the total may (supervision adds mentors), and the card reads it afresh.
    if (stored) this.broadcastCache.set(broadcastId, stored.broadcast);
    if (this.broadcastCache.size > 1_000) this.broadcastCache.delete(this.broadcastCache.keys().next().value as string);
    return stored?.broadcast;
  }
}

function key(broadcastId: string, recipientId: string): string {
  return `${broadcastId}|${recipientId.toLowerCase()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
