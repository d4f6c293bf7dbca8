/** What background work asks before each step: may it go now, or should it let people's requests finish first? */
export interface Yielding {
  /** Resolves once no request is being answered in this process, or after `maxWaitMs` at most. */
  quiet(maxWaitMs: number): Promise<void>;
}

/**
 * Counts the requests this process is answering, so the workers sharing its event loop (ROLE=all) step aside for them:
 * on two cores, a worker delivering sixteen partitions at once otherwise doubles a card action's time. A scheduling
 * hint only, never state: a second instance neither sees nor needs it. The wait is capped, so a worker under steady
 * load still moves (one step per cap at the least) and catches up in the gaps.
 */
export class Foreground implements Yielding {
  private active = 0;
  private waiting: Array<() => void> = [];

  enter(): void {
    this.active += 1;
  }

  leave(): void {
    this.active = Math.max(0, this.active - 1);
    if (this.active > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  quiet(maxWaitMs: number): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.push(done);
    });
  }
}

/** For a process with no requests of its own to put first (ROLE=worker, tests). */
export const NEVER_BUSY: Yielding = { quiet: () => Promise.resolve() };
