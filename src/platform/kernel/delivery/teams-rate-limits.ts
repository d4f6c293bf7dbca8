/** At most `count` requests in any `windowMs` milliseconds. */
export interface RateWindow {
  readonly count: number;
  readonly windowMs: number;
}

export interface TeamsRateLimits {
  /** Per bot, per conversation (a 1:1 chat, group chat or channel thread). */
  readonly perConversation: readonly RateWindow[];
  /** Per app, per tenant, across every conversation. */
  readonly perTenant: readonly RateWindow[];
}

/**
 * Microsoft's published limits for bots, from "Rate limiting for bots" (Optimize your bot with rate limiting in Teams),
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit: per bot per thread 7 in 1 s, 8 in 2 s,
 * 60 in 30 s, 1,800 in 3,600 s; global limit per app per tenant 50 requests a second.
 * Microsoft says the values may change, so a 429 is still handled (see delivery-outcome.ts).
 */
export const TEAMS_BOT_RATE_LIMITS: TeamsRateLimits = {
  perConversation: [
    { count: 7, windowMs: 1_000 },
    { count: 8, windowMs: 2_000 },
    { count: 60, windowMs: 30_000 },
    { count: 1_800, windowMs: 3_600_000 },
  ],
  perTenant: [{ count: 50, windowMs: 1_000 }],
};
