import { TEAMS_BOT_RATE_LIMITS, type RateWindow, type TeamsRateLimits } from './teams-rate-limits.js';

/** When earlier messages went: to this conversation, and from this app to anyone in the tenant. */
export interface RecentSends {
  readonly conversation: readonly Date[];
  readonly tenant: readonly Date[];
}

export interface PaceOptions {
  /** Fraction of each limit left unused, 0 to below 1; default 0.05 (47 a second instead of 50). */
  readonly margin?: number;
  /**
   * Milliseconds each window is treated as longer than published; default 0. It covers the time between the pacer's
   * slot and the request reaching Teams, which varies a little from one send to the next.
   */
  readonly guardMs?: number;
  readonly limits?: TeamsRateLimits;
}

export const DEFAULT_PACE_MARGIN = 0.05;

/** How many sends the pacer allows in one window: a little below the limit, and never fewer than one. */
export function allowedInWindow(window: RateWindow, margin = DEFAULT_PACE_MARGIN): number {
  // A negative or missing margin would let the pacer go over the limit itself.
  const kept = Number.isFinite(margin) ? Math.min(Math.max(margin, 0), 1) : DEFAULT_PACE_MARGIN;
  return Math.max(1, Math.floor(window.count * (1 - kept)));
}

/** The earliest moment one window lets the next send go: strictly more than `windowMs` after the allowed-th latest send. */
function earliestFor(latestFirst: readonly number[], window: RateWindow, margin: number, guardMs: number): number {
  const blocking = latestFirst[allowedInWindow(window, margin) - 1];
  return blocking === undefined ? Number.NEGATIVE_INFINITY : blocking + window.windowMs + guardMs + 1;
}

function latestFirst(sends: readonly Date[]): number[] {
  return sends.map((sent) => sent.getTime()).sort((a, b) => b - a);
}

/**
 * The earliest time the next message to this conversation may go so that no window of any limit (inclusive at both
 * ends) holds more than its allowed number of sends. Never before `now`.
 */
export function earliestSendAt(recent: RecentSends, now: Date, options: PaceOptions = {}): Date {
  const { margin = DEFAULT_PACE_MARGIN, limits = TEAMS_BOT_RATE_LIMITS } = options;
  const guardMs = Math.max(0, options.guardMs ?? 0);
  const conversation = latestFirst(recent.conversation);
  const tenant = latestFirst(recent.tenant);
  const times = [
    now.getTime(),
    ...limits.perConversation.map((window) => earliestFor(conversation, window, margin, guardMs)),
    ...limits.perTenant.map((window) => earliestFor(tenant, window, margin, guardMs)),
  ];
  return new Date(Math.max(...times));
}

/** The sends that can still matter to the pacer at `now`; older ones can be forgotten. */
export function sendsStillCounted(sends: readonly Date[], now: Date, windows: readonly RateWindow[]): Date[] {
  const longest = Math.max(0, ...windows.map((window) => window.windowMs));
  return sends.filter((sent) => sent.getTime() >= now.getTime() - longest);
}
