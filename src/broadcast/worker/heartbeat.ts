import type { Logger } from '../../log.js';
import { errorFields } from '../../log.js';
import type { SendPacer } from '../../platform/delivery/send-pacer.js';
import type { WorkerPresenceRepository } from '../store/worker-presence.repository.js';

/**
 * Says every `everyMs` that this worker is alive and counts the live ones, so the tenant's send budget is shared
 * between them: a stopped worker stops counting after three missed beats, and the survivors' share grows.
 */
export class WorkerHeartbeat {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly presence: WorkerPresenceRepository,
    private readonly pacer: SendPacer,
    private readonly instanceId: string,
    private readonly everyMs: number,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.beat(), this.everyMs);
    this.timer.unref();
    void this.beat();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Leaves the count at once (a clean stop), instead of after three missed beats. */
  async leave(): Promise<void> {
    await this.presence.leave(this.instanceId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    try {
      const now = this.now();
      await this.presence.heartbeat(this.instanceId, now);
      const live = await this.presence.liveWorkers(new Date(now.getTime() - 3 * this.everyMs));
      this.pacer.setShare(Math.max(1, live));
    } catch (error) {
      this.log.warn({ err: errorFields(error) }, 'broadcast worker heartbeat failed');
    }
  }
}
