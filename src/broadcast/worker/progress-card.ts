import type { Logger } from '../../log.js';
import { errorFields } from '../../log.js';
import type { BroadcastSender } from '../app/ports.js';
import { PacerStopped, type SendPacer } from '../../platform/delivery/send-pacer.js';
import type { BroadcastRepository } from '../store/broadcast.repository.js';

/**
 * Keeps each coordinator's broadcast card up to date: every `everyMs` the broadcasts with news are counted and their
 * card updated (one instance at a time, through a claim on the broadcast row), and when everyone has been tried the
 * broadcast is marked finished and the final report goes.
 */
export class ProgressCard {
  private readonly dirty = new Set<string>();
  /** Final reports that could not be shown yet; retried on each tick (a restart forgets them: the card then keeps its last count). */
  private readonly finalReportsOwed = new Set<string>();
  private ticking: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly broadcasts: BroadcastRepository,
    private readonly sender: BroadcastSender,
    private readonly pacer: SendPacer,
    private readonly everyMs: number,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(() => this.refreshAll()), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The pass under way, if any, has ended. */
  settled(): Promise<void> {
    return this.ticking;
  }

  /** Marks a broadcast as having news, so the next tick refreshes its card (or finishes it). */
  touch(broadcastId: string): void {
    this.dirty.add(broadcastId);
  }

  /** One progress pass over the broadcasts with news (also run by the ticker). */
  async refreshAll(): Promise<void> {
    for (const broadcastId of [...this.dirty]) await this.refresh(broadcastId);
    for (const broadcastId of [...this.finalReportsOwed]) await this.resendFinalReport(broadcastId);
  }

  /** The queue ran dry: a broadcast may have just finished, and its final report goes now, not on the next tick. */
  reportFinished(): void {
    this.tick(async () => {
      for (const broadcastId of [...this.dirty]) await this.refresh(broadcastId, true);
    });
  }

  private tick(pass: () => Promise<void>): void {
    this.ticking = this.ticking.then(pass).catch((error: unknown) => this.log.error({ err: errorFields(error) }, 'broadcast progress failed'));
  }

  /** Updates the coordinator's card (`onlyIfFinished`: only when everyone has been tried, and then at once). */
  private async refresh(broadcastId: string, onlyIfFinished = false): Promise<void> {
    const stored = await this.broadcasts.get(broadcastId);
    if (!stored || stored.state === 'finished') {
      this.dirty.delete(broadcastId);
      return;
    }
    if (onlyIfFinished && (await this.broadcasts.counts(broadcastId, stored.broadcast.total)).remaining > 0) return;
    const now = this.now();
    const etag = await this.broadcasts.claimProgress(stored, now, this.everyMs - 50, onlyIfFinished);
    if (!etag) return;
    const counts = await this.broadcasts.counts(broadcastId, stored.broadcast.total);
    const finished = counts.remaining === 0;
    if (finished) {
      if (!(await this.broadcasts.finish(broadcastId, etag, now))) return;
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
      if (!(error instanceof PacerStopped)) this.log.warn({ err: errorFields(error), broadcastId }, 'could not update the broadcast card');
      this.finalReportsOwed.add(broadcastId); // harmless if not finished: the retry only ever shows a final report
    }
  }

  /** The final report could not be shown (Teams throttled or failed): try again on the next tick until it is. */
  private async resendFinalReport(broadcastId: string): Promise<void> {
    const stored = await this.broadcasts.get(broadcastId);
    if (!stored?.broadcast.reportTo) return void this.finalReportsOwed.delete(broadcastId);
    try {
      await this.reportAgainIfFinishedMeanwhile(broadcastId, stored.broadcast.reportTo);
      this.finalReportsOwed.delete(broadcastId);
    } catch (error) {
      if (!(error instanceof PacerStopped)) this.log.warn({ err: errorFields(error), broadcastId }, 'could not show the final broadcast report yet');
    }
  }

  /**
   * A slow progress update can land after another instance's final report and leave the card showing a stale count;
   * when the broadcast finished while this update was on its way, the final report goes again, so it is the last word.
   */
  private async reportAgainIfFinishedMeanwhile(broadcastId: string, reportTo: string): Promise<void> {
    const after = await this.broadcasts.get(broadcastId);
    if (after?.state !== 'finished') return;
    await this.pacer.acquire(reportTo);
    await this.sender.showProgress(after.broadcast, await this.broadcasts.counts(broadcastId, after.broadcast.total), true);
  }
}
