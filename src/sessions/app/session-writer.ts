import type { Session } from '../domain/index.js';
import type { AuditEntry, Clock, Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { SessionStore, VersionedSession } from './session-ports.js';

/** What one person's step decided: the answer to give them and, unless nothing changes, the session after it. */
export interface StepOutcome<A> {
  readonly answer: A;
  readonly change?: { readonly session: Session; readonly audit: readonly AuditEntry[]; readonly effects: readonly Effect[] };
}

/**
 * Decides one change from the session as it stands (undefined when it does not exist). `version` is the version the
 * write will store, shared by every step in it; effect ids carry it, and repeated ids in one write are queued once.
 */
export type SessionStep<A> = (current: Session | undefined, version: number, now: Date) => StepOutcome<A>;

/** Many people booking at once all land here; each write re-decides on a stale etag, so seats are never oversold. */
export const WRITE_ATTEMPTS = 60;
/** Azure Tables takes at most 100 operations in one transaction: the session row plus audit and outbox rows. */
const MAX_ROWS_PER_WRITE = 100;
/** Sessions whose last known state this instance keeps, to skip the read before its next write. */
const REMEMBERED_SESSIONS = 200;

interface Waiting {
  readonly step: SessionStep<unknown>;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for one session's bookings. Steps for a session run one write at a time in this instance; the steps that
 * arrive while a write is on its way are decided together, in arrival order, and stored in the next single write. A rush
 * of fifty people on one session therefore costs a few writes instead of fifty in a row.
 *
 * The state this instance last wrote is remembered and the next write starts from it without a read. That is safe
 * because every write is guarded by the etag it started from: if anyone else (another instance, a coordinator's change)
 * wrote meanwhile, the write fails, the memory is dropped, and the steps are decided again from a fresh read. Answers that
 * change nothing are only given from a fresh read or alongside a write that proved the state current.
 */
export class SessionWriter {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly remembered = new Map<string, VersionedSession>();

  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
  ) {}

  run<A>(sessionId: string, step: SessionStep<A>): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      const waiting: Waiting = { step, resolve: resolve as (answer: unknown) => void, reject };
      const queue = this.queues.get(sessionId);
      if (queue) return void queue.push(waiting);
      this.queues.set(sessionId, [waiting]);
      void this.drain(sessionId);
    });
  }

  private async drain(sessionId: string): Promise<void> {
    const queue = this.queues.get(sessionId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, queue.length);
      try {
        const deferred = await retryOnConflict(() => this.writeBatch(sessionId, batch), WRITE_ATTEMPTS);
        queue.unshift(...deferred);
      } catch (error) {
        this.remembered.delete(sessionId);
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.queues.delete(sessionId);
  }

  /** Decides and stores as many of the batch as one transaction holds; returns the rest, for the next write. */
  private async writeBatch(sessionId: string, batch: readonly Waiting[]): Promise<Waiting[]> {
    const memory = this.remembered.get(sessionId);
    const current = memory ?? (await this.store.get(sessionId));
    const decided = decide(batch, current, this.clock.now());
    if (!decided.write) {
      if (memory) {
        this.remembered.delete(sessionId);
        return this.writeBatch(sessionId, batch);
      }
      settle(decided);
      return decided.deferred;
    }
    const { session, audit, effects } = decided.write;
    const version = current!.version + 1;
    const kept = current!.remindedFor ? { remindedFor: current!.remindedFor } : {};
    let etag: string | undefined;
    try {
      etag = await this.store.save({ session, etag: current!.etag, version, ...kept, audit, effects });
    } catch (error) {
      this.remembered.delete(sessionId);
      throw error;
    }
    this.remember(sessionId, etag ? { session, version, etag, ...kept } : undefined);
    settle(decided);
    return decided.deferred;
  }

  private remember(sessionId: string, state: VersionedSession | undefined): void {
    this.remembered.delete(sessionId);
    if (!state) return;
    this.remembered.set(sessionId, state);
    if (this.remembered.size > REMEMBERED_SESSIONS) this.remembered.delete(this.remembered.keys().next().value as string);
  }
}

function settle(decided: Decided): void {
  decided.answered.forEach(({ waiting, answer }) => waiting.resolve(answer));
  decided.failed.forEach(({ waiting, error }) => waiting.reject(error));
}

interface Decided {
  readonly answered: { waiting: Waiting; answer: unknown }[];
  /** Steps that threw: only they fail, the others still go ahead. */
  readonly failed: { waiting: Waiting; error: unknown }[];
  readonly deferred: Waiting[];
  readonly write?: { session: Session; audit: AuditEntry[]; effects: Effect[] };
}

/** Applies the steps in order to the session, keeping the combined write within one transaction's rows. */
function decide(batch: readonly Waiting[], current: VersionedSession | undefined, now: Date): Decided {
  const version = (current?.version ?? 0) + 1;
  let session = current?.session;
  const audit: AuditEntry[] = [];
  const effects = new Map<string, Effect>();
  const answered: { waiting: Waiting; answer: unknown }[] = [];
  const failed: { waiting: Waiting; error: unknown }[] = [];
  const deferred: Waiting[] = [];
  for (const waiting of batch) {
    if (deferred.length > 0) {
      deferred.push(waiting);
      continue;
    }
    let outcome: StepOutcome<unknown>;
    try {
      outcome = waiting.step(session, version, now);
    } catch (error) {
      failed.push({ waiting, error });
      continue;
    }
    if (outcome.change) {
      const newEffects = outcome.change.effects.filter((effect) => !effects.has(effect.id));
      const rows = 1 + audit.length + outcome.change.audit.length + effects.size + newEffects.length;
      if (rows > MAX_ROWS_PER_WRITE && answered.length > 0) {
        deferred.push(waiting);
        continue;
      }
      session = outcome.change.session;
      audit.push(...outcome.change.audit);
      for (const effect of newEffects) effects.set(effect.id, effect);
    }
    answered.push({ waiting, answer: outcome.answer });
  }
  const changed = session !== undefined && session !== current?.session;
  const settled = { answered, failed, deferred };
  return changed ? { ...settled, write: { session: session!, audit, effects: [...effects.values()] } } : settled;
}
