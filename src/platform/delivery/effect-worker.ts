import { DeliveryError, type EffectDelivery } from './delivery.js';
import type { GiveUpFollowUp, GiveUpNotice } from './failure-notice.js';
import { NEVER_BUSY, type Yielding } from './foreground.js';
import type { Effect, OutboundMessage } from '../app/ports.js';
import { isUndeliveredReport, type UndeliveredCode, type UndeliveredReport } from './undelivered/undelivered.js';
import { DEFAULT_PATIENT_POLICY, nextTry, type PatientRetryPolicy } from '../kernel/delivery/patient-retry.js';
import type { Logger } from '../../log.js';
import type { EffectQueue, ReceivedSignal } from '../storage/effect-queue.js';
import { addEffectRow, claimEffect, deleteCovered, deleteDelivered, listPending, recordFailedTry, type OutboxItem, type OutboxTable } from '../storage/outbox.js';
import { statusOf } from '../storage/storage-errors.js';

export interface EffectWorkerOptions {
  /** How long, and how often, a transient failure is tried again (DELIVERY_GIVE_UP_HOURS). */
  readonly retry: PatientRetryPolicy;
  /** How long a claimed effect is held before another worker may take it (a crashed worker's claim runs out). */
  readonly claimMs: number;
  readonly pollMs: number;
  readonly batchSize: number;
  /** How many partitions are carried out at once; the rest of a batch waits its turn. */
  readonly concurrency?: number;
  /** Card actions answered in the same process go first: the worker waits for a quiet moment (capped) before each step. */
  readonly yieldTo?: Yielding;
  readonly yieldMaxMs?: number;
  /** The capabilities' own notices for effects that are not messages to someone (a session's calendar). */
  readonly giveUpNotice?: GiveUpNotice;
  readonly giveUpFollowUp?: GiveUpFollowUp;
}

export const DEFAULT_WORKER_OPTIONS: EffectWorkerOptions = { retry: DEFAULT_PATIENT_POLICY, claimMs: 60_000, pollMs: 500, batchSize: 16, concurrency: 4, yieldMaxMs: 100 };

/** One failed try, as the sender classified it. */
interface Failure {
  readonly permanent: boolean;
  readonly code: UndeliveredCode;
  readonly reason: string;
  readonly retryAfterMs?: number;
}

/**
 * Carries out queued effects. Any number of workers, on any number of instances, may run: each effect is claimed with
 * an etag-guarded write before it is delivered and deleted after, so it is delivered once unless a worker dies between
 * delivering and deleting (then once more, after its claim runs out).
 */
export class EffectWorker {
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly queue: EffectQueue,
    private readonly tableNamed: (name: string) => OutboxTable | undefined,
    private readonly delivery: EffectDelivery,
    private readonly log: Logger,
    private readonly now: () => Date,
    /** Who hears of an effect that gave its own notice (a session calendar that could not be updated): the coordinators. */
    private readonly failureRecipients: () => readonly string[],
    /** Where a message given up goes: the undelivered list, and the coordinators' card. */
    private readonly undelivered: UndeliveredReport,
    private readonly options: EffectWorkerOptions = DEFAULT_WORKER_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** One pass over what the queue holds now; returns how many signals it handled. */
  async runOnce(): Promise<number> {
    const signals = await this.queue.receive(this.options.batchSize, Math.ceil(this.options.claimMs / 1000));
    // One pass per partition: two at once would each run effects that one run covers.
    const byPartition = new Map<string, ReceivedSignal[]>();
    for (const signal of signals) {
      const key = JSON.stringify([signal.tableName, signal.partitionKey]);
      byPartition.set(key, [...(byPartition.get(key) ?? []), signal]);
    }
    const partitions = [...byPartition.values()];
    const lanes = Math.max(1, this.options.concurrency ?? partitions.length);
    await Promise.all(
      Array.from({ length: Math.min(lanes, partitions.length) }, async () => {
        for (let next = partitions.shift(); next; next = partitions.shift()) await this.handle(next[0]!, next.slice(1));
      }),
    );
    return signals.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.stepAside();
        const handled = await this.runOnce();
        if (handled === 0) await sleep(this.options.pollMs);
      } catch (error) {
        this.log.error({ err: errorSummary(error) }, 'effect worker pass failed; will retry');
        await sleep(this.options.pollMs * 4);
      }
    }
  }

  private async handle(signal: ReceivedSignal, repeats: readonly ReceivedSignal[] = []): Promise<void> {
    const table = this.tableNamed(signal.tableName);
    if (table) {
      const delayMs = await this.processPartition(table, signal.partitionKey);
      if (delayMs !== undefined) await this.queue.signal(signal.tableName, signal.partitionKey, delayMs);
    } else {
      this.log.warn({ table: signal.tableName }, 'dropping a work signal for an unknown table');
    }
    await Promise.all([signal, ...repeats].map((done) => this.queue.complete(done)));
  }

  /**
   * Delivers what is due; returns the delay until the next retry when something must wait. Effects with the same
   * convergeKey are one piece of work: once one has run (or failed for good, which is reported once), the others
   * listed with it are dropped unrun; while one waits for a retry, the others wait with it.
   */
  async processPartition(table: OutboxTable, partitionKey: string): Promise<number | undefined> {
    const now = this.now().getTime();
    const pending = await listPending(table, partitionKey);
    const settled = new Set<OutboxItem>();
    const delays = new Map<OutboxItem, number>();
    let gotThrough = false;
    for (const item of pending) {
      if (settled.has(item)) continue;
      const wait = Math.max(Date.parse(item.entity.notBefore), Date.parse(item.entity.claimedUntil)) - now;
      if (wait > 0) {
        delays.set(item, wait);
        continue;
      }
      await this.stepAside();
      const attempt = await this.attempt(table, item);
      if (attempt.outcome === 'delivered' && !isUndeliveredReport(item.effect)) gotThrough = true;
      if (attempt.retryInMs !== undefined) delays.set(item, attempt.retryInMs);
      if (!item.effect.convergeKey || attempt.outcome === 'notClaimed') continue;
      const same = pending.filter((other) => other !== item && !settled.has(other) && other.effect.convergeKey === item.effect.convergeKey);
      same.forEach((other) => settled.add(other));
      if (attempt.outcome === 'retry') same.forEach((other) => delays.set(other, attempt.retryInMs!));
      else await deleteCovered(table, same.filter((other) => Date.parse(other.entity.claimedUntil) <= now));
    }
    if (gotThrough) await this.undelivered.delivered();
    const waits = [...delays.values()];
    return waits.length > 0 ? Math.min(...waits) : undefined;
  }

  private async attempt(table: OutboxTable, item: OutboxItem): Promise<{ outcome: 'delivered' | 'failed' | 'retry' | 'notClaimed'; retryInMs?: number }> {
    const claimed = await this.claim(table, item);
    if (!claimed) return { outcome: 'notClaimed' };
    try {
      await this.delivery.deliver(item.effect);
      await deleteDelivered(table, item, claimed);
      return { outcome: 'delivered' };
    } catch (error) {
      const retryInMs = await this.afterFailure(table, item, claimed, error);
      return retryInMs === undefined ? { outcome: 'failed' } : { outcome: 'retry', retryInMs };
    }
  }

  private stepAside(): Promise<void> {
    return (this.options.yieldTo ?? NEVER_BUSY).quiet(this.options.yieldMaxMs ?? 0);
  }

  private claim(table: OutboxTable, item: OutboxItem): Promise<string | undefined> {
    return claimEffect(table, item, new Date(this.now().getTime() + this.options.claimMs));
  }

  /**
   * A permanent answer (blocked, gone, rejected) fails at once; anything else waits and is tried again, with capped
   * backoff, until the give-up time after its first failure. Either way `lastError` says what happened.
   */
  private async afterFailure(table: OutboxTable, item: OutboxItem, etag: string, error: unknown): Promise<number | undefined> {
    const now = this.now();
    const attempts = item.entity.attempts + 1;
    const failure = failureOf(error);
    const firstFailedAt = item.entity.firstFailedAt ?? now.toISOString();
    this.log.warn({ effect: item.effect.message.type, effectId: item.effect.id, attempts, code: failure.code, permanent: failure.permanent, err: errorSummary(error) }, 'delivery failed');
    const next = failure.permanent
      ? { kind: 'giveUp' as const }
      : nextTry({ attempt: attempts, firstFailedAt: new Date(firstFailedAt), now, jitter: Math.random(), ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) }, this.options.retry);
    if (next.kind === 'giveUp') {
      const lastError = failure.permanent ? failure.reason : `${failure.reason}, on every try for ${hours(this.options.retry.giveUpAfterMs)}`;
      // Reported before it is marked failed: should the report fail, the row is claimed again later and reported then.
      await this.reportFailure(table, item, failure.code, lastError, error);
      await recordFailedTry(table, item, etag, { givenUpAt: now, lastError, lastErrorCode: failure.code, firstFailedAt });
      return undefined;
    }
    await recordFailedTry(table, item, etag, { retryAt: new Date(now.getTime() + next.waitMs), lastError: failure.reason, lastErrorCode: failure.code, firstFailedAt });
    return next.waitMs;
  }

  /**
   * A message that cannot be delivered is never dropped silently. An effect whose capability gives its own notice (a
   * session's calendar) sends that to the coordinators; any other message is listed as undelivered and reported to the
   * coordinators once per outage. The coordinators' own card about it, if that fails too, is logged (ids only): the
   * list stays for the next coordinator who says help.
   */
  private async reportFailure(table: OutboxTable, item: OutboxItem, code: UndeliveredCode, lastError: string, error: unknown): Promise<void> {
    const { effect } = item;
    const notice = this.options.giveUpNotice?.(effect, lastError, error);
    if (notice) return this.tellCoordinators(table, effect, item.entity.partitionKey, notice);
    if (isUndeliveredReport(effect)) {
      this.log.error({ effectId: effect.id, recipientId: effect.recipientId, code }, 'a coordinator could not be told about undelivered messages; they stay listed in help');
      return;
    }
    await this.undelivered.gaveUp({ tableName: table.tableName, partitionKey: item.entity.partitionKey, effect, code, detail: lastError, failedAt: this.now().toISOString() });
    await this.queueFollowUps(table, item.entity.partitionKey, this.options.giveUpFollowUp?.(effect) ?? []);
  }

  private async queueFollowUps(table: OutboxTable, partitionKey: string, followUps: readonly Effect[]): Promise<void> {
    for (const followUp of followUps) await addEffectRow(table, partitionKey, followUp, this.now());
    if (followUps.length > 0) await this.queue.signal(table.tableName, partitionKey);
  }

  private async tellCoordinators(table: OutboxTable, effect: Effect, partitionKey: string, message: OutboundMessage): Promise<void> {
    const recipients = this.failureRecipients().filter((id) => id !== effect.recipientId);
    for (const recipientId of recipients) {
      const notice: Effect = { id: `${effect.id}.failed.${recipientId}`, recipientId, message };
      await addEffectRow(table, partitionKey, notice, this.now());
    }
    if (recipients.length > 0) await this.queue.signal(table.tableName, partitionKey);
  }
}

/** The sender's classification, carried on the DeliveryError; anything else is an unexpected error, tried again. */
function failureOf(error: unknown): Failure {
  if (!(error instanceof DeliveryError)) return { permanent: false, code: 'TEMPORARY', reason: 'An unexpected error stopped the bot sending it' };
  if (error.outcome === 'permanent') return { permanent: true, code: error.code ?? 'REJECTED', reason: error.message };
  return { permanent: false, code: error.retryCode ?? 'TEMPORARY', reason: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
}

function hours(ms: number): string {
  const value = ms / 3_600_000;
  if (value === 1) return '1 hour';
  return value > 1 ? `${Number(value.toFixed(1))} hours` : `${Math.round(ms / 60_000)} minutes`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorSummary(error: unknown): { name?: string; message?: string; status?: number } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(statusOf(error) ? { status: statusOf(error)! } : {}) };
  return {};
}
