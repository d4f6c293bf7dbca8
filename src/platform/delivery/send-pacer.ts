import { earliestSendAt, sendsStillCounted } from '../kernel/delivery/pacing-windows.js';
import { TEAMS_BOT_RATE_LIMITS, type TeamsRateLimits } from '../kernel/delivery/teams-rate-limits.js';

export class PacerStopped extends Error {
  constructor() {
    super('the pacer was stopped');
    this.name = 'PacerStopped';
  }
}

/**
 * Milliseconds each window is stretched by: a request reaches Teams a few milliseconds after its slot, not always the
 * same few, and without this the 51st request could land inside the same second as the 1st. 20 ms keeps the tenant pace
 * at 49 a second (50 in every 1,020 ms).
 */
export const DEFAULT_GUARD_MS = 20;

/**
 * Paces this instance's messages to Teams within Microsoft's published bot limits ("Rate limiting for bots",
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): per bot per conversation 7 in 1 s,
 * 8 in 2 s, 60 in 30 s, 1,800 an hour; per app per tenant 50 a second. Each window is filled to its published figure,
 * never beyond, and is treated as `guardMs` longer than published. The domain's earliestSendAt decides each slot; a slot
 * is reserved before the wait, so callers queue up in order instead of all waking together.
 *
 * The tenant limit is shared by every instance, but each instance only sees its own sends: `setShare(n)` gives this
 * instance 1/n of the tenant budget, n being the number of live workers (heartbeats in Tables). That is sound while the
 * instance count is steady; when an instance joins, the others learn within one heartbeat, and a 429 in between is
 * still handled by the sender (Retry-After).
 */
export class SendPacer {
  private tenant: Date[] = [];
  private lastSlot = Number.NEGATIVE_INFINITY;
  private readonly conversations = new Map<string, Date[]>();
  private limits: TeamsRateLimits;
  private readonly waits = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();

  constructor(
    private readonly base: TeamsRateLimits = TEAMS_BOT_RATE_LIMITS,
    private readonly guardMs = DEFAULT_GUARD_MS,
    private readonly now: () => Date,
  ) {
    this.limits = base;
  }

  /** This instance's part of the tenant-wide budget: 1/`instances` of it (at least one send a window). */
  setShare(instances: number): void {
    const share = Math.max(1, Math.floor(instances));
    this.limits = {
      perConversation: this.base.perConversation,
      perTenant: this.base.perTenant.map((window) => ({ ...window, count: Math.max(1, Math.floor(window.count / share)) })),
    };
  }

  get tenantPerWindow(): number {
    return this.limits.perTenant[0]?.count ?? 0;
  }

  /** Resolves when a message to `conversationKey` may go; the slot is taken for the caller. */
  async acquire(conversationKey: string): Promise<void> {
    const now = this.now();
    const all = [...this.limits.perConversation, ...this.limits.perTenant];
    this.tenant = sendsStillCounted(this.tenant, now, this.limits.perTenant);
    const conversation = sendsStillCounted(this.conversations.get(conversationKey) ?? [], now, this.limits.perConversation);
    const windowed = earliestSendAt({ conversation, tenant: this.tenant }, now, { margin: 0, guardMs: this.guardMs, limits: this.limits });
    // Evenly spaced as well, at the same pace: the window rule alone allows a whole window's sends in one burst, and
    // within a burst the requests' order and timing at Teams are anyone's guess.
    // Kept to the fraction of a millisecond (a Date drops it): 20.4 ms apart, not 20 ms and a longer gap every 50.
    this.lastSlot = Math.max(windowed.getTime(), this.lastSlot + this.spacingMs());
    const at = new Date(Math.ceil(this.lastSlot));
    this.tenant.push(at);
    conversation.push(at);
    this.conversations.set(conversationKey, conversation);
    if (this.conversations.size > 10_000) this.forgetIdle(now, all);
    const wait = at.getTime() - now.getTime();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.waits.delete(entry);
          resolve();
        }, wait),
        reject,
      };
      this.waits.add(entry);
    });
  }

  private spacingMs(): number {
    const window = this.limits.perTenant[0];
    return window ? (window.windowMs + this.guardMs) / window.count : 0;
  }

  /** Wakes every waiting caller with PacerStopped (a worker stopping: their messages go back to the queue). */
  stop(): void {
    for (const wait of this.waits) {
      clearTimeout(wait.timer);
      wait.reject(new PacerStopped());
    }
    this.waits.clear();
  }

  private forgetIdle(now: Date, windows: TeamsRateLimits['perConversation']): void {
    for (const [key, sends] of this.conversations) {
      if (sendsStillCounted(sends, now, windows).length === 0) this.conversations.delete(key);
    }
  }
}
