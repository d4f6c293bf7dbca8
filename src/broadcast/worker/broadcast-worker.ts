import { randomUUID } from 'node:crypto';
import { DeliveryError } from '../../platform/delivery/delivery.js';
import type { Broadcast, RecipientRecord } from '../app/broadcast.js';
import type { BroadcastSender } from '../app/ports.js';
import { DEFAULT_RETRY_POLICY, outcomeOf, type DeliveryOutcome, type DeliveryVerdict, type RetryCode, type RetryPolicy } from '../domain/index.js';
import type { Logger } from '../../log.js';
import type { BroadcastQueue, ReceivedRecipientMessage } from '../store/broadcast-queue.js';
import type { BroadcastRepository } from '../store/broadcast.repository.js';
import { PacerStopped, type SendPacer } from '../../platform/delivery/send-pacer.js';

export interface BroadcastWorkerOptions {
  /** Sends in flight at once on this instance (the pacer decides when each goes). */
  readonly concurrency: number;
  /**
   * Sends Teams has answered whose outcome is not written yet, at most; a new send waits below it. A process killed
   * outright can leave these sent twice (Bot Framework has no idempotency key), so when storage falls behind, sending
   * slows down to the pace of the records instead of piling up sends nobody has recorded.
   */
  readonly maxUnrecorded: number;
  /** How long a claimed recipient is held before another worker may take over (a crashed worker's claim runs out). */
  readonly claimMs: number;
  /** How long a received queue message stays hidden from other consumers. */
  readonly visibilitySeconds: number;
  readonly pollMs: number;
  /** The coordinator's card is updated at most this often while sending. */
  readonly progressEveryMs: number;
  readonly heartbeatMs: number;
  readonly retry: RetryPolicy;
}

/** No answer, but the request may have reached Teams, which may have posted it: the next try may be a second copy. */
const UNCONFIRMED: ReadonlySet<RetryCode> = new Set(['CONNECTION_RESET', 'TIMED_OUT']);

/** What one send came to, and whether Teams may have posted it although it did not say so. */
interface SendAnswer {
  readonly outcome: DeliveryOutcome;
  readonly unconfirmed: boolean;
}

export const DEFAULT_BROADCAST_WORKER_OPTIONS: BroadcastWorkerOptions = {
  concurrency: 16,
  maxUnrecorded: 2,
  claimMs: 60_000,
  visibilitySeconds: 60,
  pollMs: 500,
  progressEveryMs: 1_000,
  heartbeatMs: 5_000,
  retry: DEFAULT_RETRY_POLICY,
};

/**
 * Consumes the broadcast queue: one message per recipient. For each, the recipient's row decides: already sent or
 * failed → drop the message; otherwise claim the row (etag), wait for a paced slot once the chat is known, send, and
 * record the outcome with the claim's etag at once. Any number of workers on any number of instances may run. A
 * message lost or a worker stopped leaves the row pending, and the message comes back (queue invisibility) or the
 * sweeper queues it again.
 * The one window for a second send is a crash after Teams accepted a message and before its row was marked sent (Bot
 * Framework has no idempotency key on a send); the claim makes the second attempt wait for `claimMs` first. Whoever
 * takes over a claim left without an outcome marks the recipient in doubt, and the report counts them.
 */
export class BroadcastWorker {
  readonly instanceId = randomUUID();
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly dirty = new Set<string>();
  /** Final reports that could not be shown yet; retried on each tick (a restart forgets them: the card then keeps its last count). */
  private readonly finalReportsOwed = new Set<string>();
  private readonly broadcasts = new Map<string, Broadcast>();
  private timers: NodeJS.Timeout[] = [];
  private ticking: Promise<void> = Promise.resolve();
  private unrecorded = 0;
  private readonly waitingForRecords: Array<() => void> = [];
  /** Nothing received and nothing in flight since the last look for finished broadcasts. */
  private idle = true;

  constructor(
    private readonly repo: BroadcastRepository,
    private readonly queue: BroadcastQueue,
    private readonly sender: BroadcastSender,
    private readonly pacer: SendPacer,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly options: BroadcastWorkerOptions = DEFAULT_BROADCAST_WORKER_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    const tick = setInterval(() => this.tick(() => this.refreshAll()), this.options.progressEveryMs);
    const beat = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    tick.unref();
    beat.unref();
    this.timers = [tick, beat];
    void this.heartbeat();
  }

  /**
   * Stops taking messages. Sends already on the wire finish and are recorded; those still waiting for a paced slot give
   * their claim back unused, and their messages reappear for another worker when their invisibility runs out.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.timers.forEach(clearInterval);
    this.pacer.stop();
    this.wakeWaitingForRecords();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.ticking;
    await this.repo.leave(this.instanceId).catch(() => undefined);
  }

  /** Marks a broadcast as having news, so the next tick refreshes its card (or finishes it). */
  touch(broadcastId: string): void {
    this.dirty.add(broadcastId);
  }

  /** Safety net: finds broadcasts still sending, re-queues recipients nobody has touched for `idleMs`. */
  async sweep(idleMs: number): Promise<number> {
    let queued = 0;
    for (const broadcastId of await this.repo.listSending()) {
      this.dirty.add(broadcastId);
      const idle = await this.repo.idlePending(broadcastId, new Date(this.now().getTime() - idleMs));
      await this.queue.enqueueAll(broadcastId, idle);
      queued += idle.length;
    }
    return queued;
  }

  /** One progress pass over the broadcasts with news (also run by the ticker). */
  async refreshAll(): Promise<void> {
    for (const broadcastId of [...this.dirty]) await this.refresh(broadcastId);
    for (const broadcastId of [...this.finalReportsOwed]) await this.resendFinalReport(broadcastId);
  }

  private tick(pass: () => Promise<void>): void {
    this.ticking = this.ticking.then(pass).catch((error: unknown) => this.log.error({ err: summary(error) }, 'broadcast progress failed'));
  }

  /** When the queue runs dry, a broadcast may have just finished: its final report goes now, not on the next tick. */
  private reportIfWentIdle(): void {
    if (this.idle) return;
    this.idle = true;
    this.tick(async () => {
      for (const broadcastId of [...this.dirty]) await this.refresh(broadcastId, true);
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const room = this.options.concurrency - this.inFlight.size;
        // Receive in batches (half the slots at a time): a receive per freed slot would cost a storage call per recipient.
        const batch = Math.min(32, Math.max(1, Math.ceil(this.options.concurrency / 2)));
        if (room <= 0 || (room < batch && this.inFlight.size > 0)) {
          await Promise.race(this.inFlight);
          continue;
        }
        const messages = await this.queue.receive(room, this.options.visibilitySeconds);
        const records = await this.prefetch(messages);
        for (const message of messages) {
          const record = records.get(key(message.broadcastId, message.recipientId));
          const handling: Promise<void> = this.handle(message, record).finally(() => this.inFlight.delete(handling));
          this.inFlight.add(handling);
        }
        if (messages.length > 0) this.idle = false;
        else if (this.inFlight.size === 0) this.reportIfWentIdle();
        if (messages.length === 0) await sleep(this.options.pollMs);
      } catch (error) {
        this.log.error({ err: summary(error) }, 'broadcast worker pass failed; will retry');
        await sleep(this.options.pollMs * 4);
      }
    }
  }

  /** The rows of a received batch, one query per broadcast instead of one read per message. */
  private async prefetch(messages: readonly ReceivedRecipientMessage[]): Promise<Map<string, RecipientRecord>> {
    const byBroadcast = new Map<string, string[]>();
    for (const { broadcastId, recipientId } of messages) byBroadcast.set(broadcastId, [...(byBroadcast.get(broadcastId) ?? []), recipientId]);
    const found = new Map<string, RecipientRecord>();
    for (const [broadcastId, ids] of byBroadcast) {
      if (ids.length < 2) continue;
      for (const record of await this.repo.getRecipients(broadcastId, ids)) found.set(key(broadcastId, record.recipientId), record);
    }
    return found;
  }

  private async handle(message: ReceivedRecipientMessage, prefetched?: RecipientRecord): Promise<void> {
    try {
      await this.process(message, prefetched);
    } catch (error) {
      if (error instanceof PacerStopped) return; // stopping: the message comes back to whoever runs next
      this.log.error({ err: summary(error), broadcastId: message.broadcastId }, 'broadcast message failed; it will come back');
    }
  }

  private async process(message: ReceivedRecipientMessage, prefetched?: RecipientRecord): Promise<void> {
    const { broadcastId, recipientId } = message;
    // A prefetched row may be a moment old: the etag-guarded claim below is what decides.
    const record = prefetched ?? (await this.repo.getRecipient(broadcastId, recipientId));
    if (!record || record.status !== 'pending') return this.queue.complete(message);
    const waitMs = Math.max(Date.parse(record.notBefore), Date.parse(record.claimedUntil)) - this.now().getTime();
    if (waitMs > 0) return this.later(message, waitMs);
    const broadcast = await this.broadcast(broadcastId);
    if (!broadcast) return this.queue.complete(message);

    const claim = await this.repo.claim(record, new Date(this.now().getTime() + this.options.claimMs));
    if (!claim) return this.later(message, 1_000); // changed under us: look again shortly
    const { etag } = claim;
    if (claim.inDoubt && !record.inDoubt) this.log.warn({ broadcastId }, 'an earlier send to a recipient was never recorded (its worker stopped mid-send): sending again; the report counts them as "may have received it twice"');

    const answer = await this.sendOne(broadcast, record, () => this.slot(recipientId)).catch(async (error: unknown) => {
      if (error instanceof PacerStopped) await this.repo.release(record, etag).catch(() => undefined); // never sent
      throw error;
    });
    const { outcome } = answer;
    const recorded = await this.recordAnswered(record, etag, answer);
    if (!recorded) this.log.warn({ broadcastId }, 'a recipient changed while it was being sent (claim ran out): it may get the message twice');
    if (outcome.kind === 'retry') await this.queue.enqueue({ broadcastId, recipientId }, outcome.waitMs);
    await this.queue.complete(message);
    this.dirty.add(broadcastId);
  }

  private async later(message: ReceivedRecipientMessage, waitMs: number): Promise<void> {
    await this.queue.enqueue(message, waitMs);
    await this.queue.complete(message);
  }

  /** Sends once the chat is known and the pacer gives a slot (`whenReady`), the slot taken next to the request itself. */
  private async sendOne(broadcast: Broadcast, record: RecipientRecord, whenReady: () => Promise<void>): Promise<SendAnswer> {
    const context = { attempt: record.attempts + 1, now: this.now(), jitter: Math.random() };
    try {
      await this.sender.send(broadcast, record.recipientId, whenReady);
      return { outcome: { kind: 'delivered' }, unconfirmed: false };
    } catch (error) {
      if (error instanceof PacerStopped) throw error;
      const unconfirmed = error instanceof DeliveryError && error.retryCode !== undefined && UNCONFIRMED.has(error.retryCode);
      return { outcome: outcomeOf(verdictOf(error), context, this.options.retry), unconfirmed };
    }
  }

  /**
   * A paced slot for the next send, taken only while fewer than `maxUnrecorded` answered sends wait for their record,
   * and given up if that changed during the wait (a slot left unused only slows the pace; a late send could break it).
   */
  private async slot(recipientId: string): Promise<void> {
    for (;;) {
      while (this.unrecorded >= this.options.maxUnrecorded) {
        await new Promise<void>((resolve) => this.waitingForRecords.push(resolve));
        if (!this.running) throw new PacerStopped();
      }
      await this.pacer.acquire(recipientId);
      if (!this.running) throw new PacerStopped();
      if (this.unrecorded < this.options.maxUnrecorded) return;
    }
  }

  private async recordAnswered(record: RecipientRecord, etag: string, answer: SendAnswer): Promise<boolean> {
    this.unrecorded += 1;
    try {
      return await this.record(record, etag, answer);
    } finally {
      this.unrecorded -= 1;
      this.wakeWaitingForRecords();
    }
  }

  private wakeWaitingForRecords(): void {
    for (const wake of this.waitingForRecords.splice(0)) wake();
  }

  private record(record: RecipientRecord, etag: string, { outcome, unconfirmed }: SendAnswer): Promise<boolean> {
    if (outcome.kind === 'delivered') return this.repo.recordSent(record, etag, this.now());
    if (outcome.kind === 'retry') return this.repo.recordRetry(record, etag, outcome.at, outcome.reason, { inDoubt: unconfirmed });
    return this.repo.recordFailed(record, etag, outcome.code, outcome.reason);
  }

  private async broadcast(broadcastId: string): Promise<Broadcast | undefined> {
    const cached = this.broadcasts.get(broadcastId);
    if (cached) return cached;
    const stored = await this.repo.get(broadcastId);
    // Content never changes after creation; the total may (supervision adds mentors), and the card reads it afresh.
    if (stored) this.broadcasts.set(broadcastId, stored.broadcast);
    if (this.broadcasts.size > 1_000) this.broadcasts.delete(this.broadcasts.keys().next().value as string);
    return stored?.broadcast;
  }

  /** Updates the coordinator's card (`onlyIfFinished`: only when everyone has been tried, and then at once). */
  private async refresh(broadcastId: string, onlyIfFinished = false): Promise<void> {
    const stored = await this.repo.get(broadcastId);
    if (!stored || stored.state === 'finished') {
      this.dirty.delete(broadcastId);
      return;
    }
    if (onlyIfFinished && (await this.repo.counts(broadcastId, stored.broadcast.total)).remaining > 0) return;
    const now = this.now();
    const etag = await this.repo.claimProgress(stored, now, this.options.progressEveryMs - 50, onlyIfFinished);
    if (!etag) return;
    const counts = await this.repo.counts(broadcastId, stored.broadcast.total);
    const finished = counts.remaining === 0;
    if (finished) {
      if (!(await this.repo.finish(broadcastId, etag, now))) return;
      this.dirty.delete(broadcastId);
      this.log.info({ broadcastId, sent: counts.sent, failed: counts.failed }, 'broadcast finished');
    }
    const reportTo = stored.broadcast.reportTo;
    if (!reportTo) return;
    try {
      await this.pacer.acquire(reportTo);
      await this.sender.showProgress(stored.broadcast, counts, finished);
      if (!finished) await this.reportAgainIfFinishedMeanwhile(broadcastId, reportTo);
    } catch (error) {
      if (!(error instanceof PacerStopped)) this.log.warn({ err: summary(error), broadcastId }, 'could not update the broadcast card');
      this.finalReportsOwed.add(broadcastId); // harmless if not finished: the retry only ever shows a final report
    }
  }

  /** The final report could not be shown (Teams throttled or failed): try again on the next tick until it is. */
  private async resendFinalReport(broadcastId: string): Promise<void> {
    const stored = await this.repo.get(broadcastId);
    if (!stored?.broadcast.reportTo) return void this.finalReportsOwed.delete(broadcastId);
    try {
      await this.reportAgainIfFinishedMeanwhile(broadcastId, stored.broadcast.reportTo);
      this.finalReportsOwed.delete(broadcastId);
    } catch (error) {
      if (!(error instanceof PacerStopped)) this.log.warn({ err: summary(error), broadcastId }, 'could not show the final broadcast report yet');
    }
  }

  /**
   * A slow progress update can land after another instance's final report and leave the card showing a stale count;
   * when the broadcast finished while this update was on its way, the final report goes again, so it is the last word.
   */
  private async reportAgainIfFinishedMeanwhile(broadcastId: string, reportTo: string): Promise<void> {
    const after = await this.repo.get(broadcastId);
    if (after?.state !== 'finished') return;
    await this.pacer.acquire(reportTo);
    await this.sender.showProgress(after.broadcast, await this.repo.counts(broadcastId, after.broadcast.total), true);
  }

  private async heartbeat(): Promise<void> {
    try {
      const now = this.now();
      await this.repo.heartbeat(this.instanceId, now);
      const live = await this.repo.liveWorkers(new Date(now.getTime() - 3 * this.options.heartbeatMs));
      this.pacer.setShare(Math.max(1, live));
    } catch (error) {
      this.log.warn({ err: summary(error) }, 'broadcast worker heartbeat failed');
    }
  }
}

/** The sender already judged the answer where it arrived (DeliveryError carries it); it is read, not judged again. */
function verdictOf(error: unknown): DeliveryVerdict {
  if (!(error instanceof DeliveryError)) return { kind: 'transient', code: 'TEMPORARY', reason: 'An unexpected error stopped the bot sending it' };
  if (error.outcome === 'permanent') return { kind: 'permanent', code: error.code ?? 'REJECTED', reason: sentence(error.message) };
  return { kind: 'transient', code: error.retryCode ?? 'TEMPORARY', reason: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function key(broadcastId: string, recipientId: string): string {
  return `${broadcastId}|${recipientId.toLowerCase()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function summary(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : {};
}
