import { PacerStopped, type SendPacer } from '../../platform/delivery/send-pacer.js';

/**
 * Sends Teams has answered whose outcome is not written yet are kept below `maxUnrecorded`: a new send waits below it.
 * A process killed outright can leave these sent twice (Bot Framework has no idempotency key), so when storage falls
 * behind, sending slows down to the pace of the records instead of piling up sends nobody has recorded.
 */
export class RecordBackPressure {
  private unrecorded = 0;
  private readonly waitingForRecords: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly pacer: SendPacer,
    private readonly maxUnrecorded: number,
  ) {}

  /**
   * A paced slot for the next send, taken only while fewer than `maxUnrecorded` answered sends wait for their record,
   * and given up if that changed during the wait (a slot left unused only slows the pace; a late send could break it).
   */
  async slot(recipientId: string): Promise<void> {
    for (;;) {
      while (this.unrecorded >= this.maxUnrecorded) {
        await new Promise<void>((resolve) => this.waitingForRecords.push(resolve));
        if (this.stopped) throw new PacerStopped();
      }
      await this.pacer.acquire(recipientId);
      if (this.stopped) throw new PacerStopped();
      if (this.unrecorded < this.maxUnrecorded) return;
    }
  }

  /** Writes an answered send's outcome, counted as unrecorded until the write is done. */
  async recording<T>(write: () => Promise<T>): Promise<T> {
    this.unrecorded += 1;
    try {
      return await write();
    } finally {
      this.unrecorded -= 1;
      this.wakeWaitingForRecords();
    }
  }

  /** Sends still waiting for a slot give up (PacerStopped): their claims go back unused. */
  stop(): void {
    this.stopped = true;
    this.wakeWaitingForRecords();
  }

  private wakeWaitingForRecords(): void {
    for (const wake of this.waitingForRecords.splice(0)) wake();
  }
}
