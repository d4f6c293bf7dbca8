import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.js';
import type { BroadcastSender } from '../app/ports.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../domain/index.js';
import type { SendPacer } from '../../platform/delivery/send-pacer.js';
import type { BroadcastQueue } from '../store/broadcast-queue.js';
import type { BroadcastRepository } from '../store/broadcast.repository.js';
import type { WorkerPresenceRepository } from '../store/worker-presence.repository.js';
import { RecordBackPressure } from './back-pressure.js';
import { WorkerHeartbeat } from './heartbeat.js';
import { ProgressCard } from './progress-card.js';
import { QueueConsumer } from './queue-consumer.js';

export interface BroadcastWorkerOptions {
  /** Sends in flight at once on this instance (the pacer decides when each goes). */
  readonly concurrency: number;
  /**
   * Sends Teams has answered whose outcome is not written yet, at most; a new send waits below it (back-pressure.ts).
   * At 50 a second a send is answered every 20 ms, so 2 held the pace to 2 sends per record write: a loaded storage
   * account (40-50 ms a write) brought a 1,000-person broadcast from 21 s to 32-41 s. 8 keeps the pace through writes
   * of up to 160 ms; it stays below `concurrency`, so rows claimed without an outcome are still at most `concurrency`.
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

export const DEFAULT_BROADCAST_WORKER_OPTIONS: BroadcastWorkerOptions = {
  concurrency: 16,
  maxUnrecorded: 8,
  claimMs: 60_000,
  visibilitySeconds: 60,
  pollMs: 500,
  progressEveryMs: 1_000,
  heartbeatMs: 5_000,
  retry: DEFAULT_RETRY_POLICY,
};

export interface BroadcastWorkerDeps {
  /** The broadcast rows, and through them their recipients' rows. */
  readonly broadcasts: BroadcastRepository;
  readonly presence: WorkerPresenceRepository;
  readonly queue: BroadcastQueue;
  readonly sender: BroadcastSender;
  readonly pacer: SendPacer;
  readonly log: Logger;
  readonly now: () => Date;
}

/**
 * The broadcast fan-out on this instance: the queue consumer (queue-consumer.ts) sends, held back by the records not
 * yet written (back-pressure.ts); the progress card (progress-card.ts) shows the counts and finishes each broadcast;
 * the heartbeat (heartbeat.ts) shares the tenant's send budget between the live workers. Any number of workers on any
 * number of instances may run. A message lost or a worker stopped leaves the row pending, and the message comes back
 * (queue invisibility) or the sweeper queues it again.
 * The one window for a second send is a crash after Teams accepted a message and before its row was marked sent (Bot
 * Framework has no idempotency key on a send); the claim makes the second attempt wait for `claimMs` first. Whoever
 * takes over a claim left without an outcome marks the recipient in doubt, and the report counts them.
 */
export class BroadcastWorker {
  readonly instanceId = randomUUID();
  private running = false;
  private readonly backPressure: RecordBackPressure;
  private readonly progress: ProgressCard;
  private readonly consumer: QueueConsumer;
  private readonly heartbeat: WorkerHeartbeat;

  constructor(
    private readonly deps: BroadcastWorkerDeps,
    options: BroadcastWorkerOptions = DEFAULT_BROADCAST_WORKER_OPTIONS,
  ) {
    const { broadcasts, presence, queue, sender, pacer, log, now } = deps;
    this.backPressure = new RecordBackPressure(pacer, options.maxUnrecorded);
    this.progress = new ProgressCard(broadcasts, sender, pacer, options.progressEveryMs, log, now);
    this.consumer = new QueueConsumer(broadcasts, broadcasts.recipients, queue, sender, this.backPressure, this.progress, log, now, options);
    this.heartbeat = new WorkerHeartbeat(presence, pacer, this.instanceId, options.heartbeatMs, log, now);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.consumer.start();
    this.progress.start();
    this.heartbeat.start();
  }

  /**
   * Stops taking messages. Sends already on the wire finish and are recorded; those still waiting for a paced slot give
   * their claim back unused, and their messages reappear for another worker when their invisibility runs out.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const consumed = this.consumer.stop();
    this.progress.stop();
    this.heartbeat.stop();
    this.deps.pacer.stop();
    this.backPressure.stop();
    await consumed;
    await this.progress.settled();
    await this.heartbeat.leave();
  }

  /** Marks a broadcast as having news, so the next tick refreshes its card (or finishes it). */
  touch(broadcastId: string): void {
    this.progress.touch(broadcastId);
  }

  /** Safety net: finds broadcasts still sending, re-queues recipients nobody has touched for `idleMs`. */
  async sweep(idleMs: number): Promise<number> {
    const { broadcasts, queue, now } = this.deps;
    let queued = 0;
    for (const broadcastId of await broadcasts.listSending()) {
      this.progress.touch(broadcastId);
      const idle = await broadcasts.recipients.idlePending(broadcastId, new Date(now().getTime() - idleMs));
      await queue.enqueueAll(broadcastId, idle);
      queued += idle.length;
    }
    return queued;
  }

  /** One progress pass over the broadcasts with news (also run by the ticker). */
  refreshAll(): Promise<void> {
    return this.progress.refreshAll();
  }
}
