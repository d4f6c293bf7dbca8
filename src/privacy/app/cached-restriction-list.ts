import type { RestrictedPeople } from '../../platform/app/restricted-people.js';

/**
 * How long one read of the restricted list answers every use case in this process. Every card action checks the list,
 * so reading it each time was one more storage round trip an action (and an Azurite query); one read in this time
 * is enough, for two reasons:
 * - A restriction made or lifted in this process applies here at once: the store tells the cache (`forget`), and a
 *   read already on its way when it was told is not kept.
 * - One made on another instance applies here within this time. The check was never tied to the restriction's row by
 *   an etag (a use case checks, then reads and writes its own records), so an action that began a moment before a
 *   restriction was stored has always gone ahead; this makes that moment at most two seconds instead of one round
 *   trip. A restriction answers a request the DPO has a month to act on, made by hand; nobody can restrict on one
 *   instance and then act on the person through another inside two seconds, so no one can tell the difference.
 *   A lift reaching another instance two seconds late keeps the records out of use a little longer: the safe side.
 */
export const RESTRICTIONS_FRESH_MS = 2_000;

/** The restricted list read at most once per `freshMs` in this process, and again at once after a change made here. */
export class CachedRestrictionList implements RestrictedPeople {
  private held: { ids: ReadonlySet<string>; readAt: number } | undefined;
  private reading: Promise<ReadonlySet<string>> | undefined;
  /** Counts `forget`s, so a read that began before one is not kept as fresh. */
  private generation = 0;

  constructor(
    private readonly source: RestrictedPeople,
    private readonly freshMs: number = RESTRICTIONS_FRESH_MS,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  restrictedIds(): Promise<ReadonlySet<string>> {
    if (this.held && this.nowMs() - this.held.readAt < this.freshMs) return Promise.resolve(this.held.ids);
    return (this.reading ??= this.read());
  }

  /** A restriction was made or lifted in this process: the next question reads the list again. */
  forget(): void {
    this.generation += 1;
    this.held = undefined;
    this.reading = undefined;
  }

  private async read(): Promise<ReadonlySet<string>> {
    const generation = this.generation;
    const readAt = this.nowMs();
    try {
      const ids = await this.source.restrictedIds();
      if (generation === this.generation) this.held = { ids, readAt };
      return ids;
    } finally {
      if (generation === this.generation) this.reading = undefined;
    }
  }
}
