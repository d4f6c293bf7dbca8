import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedInWindow,
  earliestSendAt,
  sendsStillCounted,
  TEAMS_BOT_RATE_LIMITS,
  type RateWindow,
  type TeamsRateLimits,
} from '../../../../src/broadcast/domain/index.js';

const T0 = Date.parse('2026-10-05T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const times = (...ms: number[]) => ms.map(at);

interface Send {
  readonly conversation: number;
  readonly at: number;
}

/** Asks the pacer for each request in turn and sends exactly when it says. */
function runSchedule(requests: readonly { conversation: number; gapMs: number }[], margin: number, limits: TeamsRateLimits, guardMs = 0): Send[] {
  const sends: Send[] = [];
  let clock = T0;
  for (const request of requests) {
    const now = new Date(clock + request.gapMs);
    const recent = {
      conversation: sends.filter((s) => s.conversation === request.conversation).map((s) => new Date(s.at)),
      tenant: sends.map((s) => new Date(s.at)),
    };
    const sendAt = earliestSendAt(recent, now, { margin, guardMs, limits }).getTime();
    if (sendAt < now.getTime()) throw new Error('the pacer sent before it was asked');
    sends.push({ conversation: request.conversation, at: sendAt });
    clock = sendAt;
  }
  return sends;
}

/** The most sends any closed window of `windowMs` holds. */
function busiest(sendTimes: readonly number[], windowMs: number): number {
  const sorted = [...sendTimes].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) > windowMs) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

function worstOverLimit(sends: readonly Send[], limits: TeamsRateLimits, margin: number): number {
  const conversations = [...new Set(sends.map((s) => s.conversation))];
  const check = (sendTimes: number[], windows: readonly RateWindow[]) =>
    windows.map((w) => busiest(sendTimes, w.windowMs) - allowedInWindow(w, margin));
  return Math.max(
    ...check(sends.map((s) => s.at), limits.perTenant),
    ...conversations.flatMap((c) => check(sends.filter((s) => s.conversation === c).map((s) => s.at), limits.perConversation)),
  );
}

describe('earliestSendAt', () => {
  it.each<[string, Date[], Date[], number, number]>([
    ['nothing sent: now', [], [], 0, 0],
    ['under every limit: now', times(0, 100), times(0, 100), 500, 500],
    ['6 to this chat in the last second (7 allowed, margin keeps 6): after the first leaves the second', times(0, 100, 200, 300, 400, 500), times(0, 100, 200, 300, 400, 500), 600, 1_001],
    ['7 in 2 s to this chat (8 allowed, margin keeps 7): after the oldest leaves', times(0, 500, 1_000, 1_300, 1_500, 1_600, 1_700), times(0, 500, 1_000, 1_300, 1_500, 1_600, 1_700), 1_800, 2_001],
    ['47 to the tenant in the last second (50 allowed, margin keeps 47)', [], Array.from({ length: 47 }, (_, i) => at(i * 10)), 470, 1_001],
    ['an old send no longer counts', times(-5_000), times(-5_000), 0, 0],
  ])('%s', (_name, conversation, tenant, nowMs, expectedMs) => {
    expect(earliestSendAt({ conversation, tenant }, at(nowMs)).getTime() - T0).toBe(expectedMs);
  });

  it('keeps a margin below each published figure', () => {
    const allowed = [...TEAMS_BOT_RATE_LIMITS.perConversation, ...TEAMS_BOT_RATE_LIMITS.perTenant].map((w) => allowedInWindow(w));
    expect(allowed).toEqual([6, 7, 57, 1_710, 47]);
    expect(allowedInWindow({ count: 50, windowMs: 1_000 }, 0)).toBe(50);
    expect(allowedInWindow({ count: 50, windowMs: 1_000 }, -1)).toBe(50); // a negative margin cannot raise the limit
    expect(allowedInWindow({ count: 7, windowMs: 1_000 }, 1)).toBe(1);
  });

  it('sends a broadcast to 1,000 separate chats at the tenant pace: 47 a second', () => {
    const requests = Array.from({ length: 1_000 }, (_, i) => ({ conversation: i, gapMs: 0 }));
    const sends = runSchedule(requests, 0.05, TEAMS_BOT_RATE_LIMITS);
    // 21 full seconds of 47 and 13 more; each second ends 1 ms after the window it waits for.
    expect((sends.at(-1)?.at ?? 0) - T0).toBe(21 * 1_001);
    expect(worstOverLimit(sends, TEAMS_BOT_RATE_LIMITS, 0.05)).toBeLessThanOrEqual(0);
  });

  it('fills each window to the published figure with no margin, a guard making each window that much longer', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => at(i * 10));
    expect(earliestSendAt({ conversation: [], tenant: fifty }, at(500), { margin: 0 }).getTime() - T0).toBe(1_001);
    expect(earliestSendAt({ conversation: [], tenant: fifty }, at(500), { margin: 0, guardMs: 20 }).getTime() - T0).toBe(1_021);
    expect(earliestSendAt({ conversation: [], tenant: fifty.slice(0, 49) }, at(500), { margin: 0, guardMs: 20 }).getTime() - T0).toBe(500);
  });

  it('holds one chat to the hourly limit', () => {
    const requests = Array.from({ length: 1_711 }, () => ({ conversation: 0, gapMs: 0 }));
    const sends = runSchedule(requests, 0.05, TEAMS_BOT_RATE_LIMITS);
    expect(busiest(sends.map((s) => s.at), 3_600_000)).toBe(1_710);
    expect((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThan(3_600_000);
  });

  it('forgets sends older than the longest window', () => {
    const kept = sendsStillCounted(times(-3_600_001, -3_600_000, 0), at(0), TEAMS_BOT_RATE_LIMITS.perConversation);
    expect(kept.map((d) => d.getTime() - T0)).toEqual([-3_600_000, 0]);
  });
});

describe('earliestSendAt, property: a schedule built by asking the pacer never exceeds a window', () => {
  const requests = fc.array(fc.record({ conversation: fc.integer({ min: 0, max: 4 }), gapMs: fc.integer({ min: 0, max: 1_500 }) }), { maxLength: 400 });
  const margin = fc.constantFrom(0, 0.05, 0.1, 0.3);

  it("with Microsoft's published limits, and below them by the margin", () => {
    fc.assert(
      fc.property(requests, margin, (reqs, m) => {
        const sends = runSchedule(reqs, m, TEAMS_BOT_RATE_LIMITS);
        expect(worstOverLimit(sends, TEAMS_BOT_RATE_LIMITS, m)).toBeLessThanOrEqual(0);
        expect(worstOverLimit(sends, TEAMS_BOT_RATE_LIMITS, 0)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it('with no margin and a guard: no window, stretched by the guard, holds more than the published figure', () => {
    fc.assert(
      fc.property(requests, fc.integer({ min: 0, max: 100 }), (reqs, guardMs) => {
        const sends = runSchedule(reqs, 0, TEAMS_BOT_RATE_LIMITS, guardMs);
        const stretched = {
          perConversation: TEAMS_BOT_RATE_LIMITS.perConversation.map((w) => ({ ...w, windowMs: w.windowMs + guardMs })),
          perTenant: TEAMS_BOT_RATE_LIMITS.perTenant.map((w) => ({ ...w, windowMs: w.windowMs + guardMs })),
        };
        expect(worstOverLimit(sends, stretched, 0)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  const window = fc.record({ count: fc.integer({ min: 1, max: 12 }), windowMs: fc.integer({ min: 1, max: 5_000 }) });
  const limits = fc.record({ perConversation: fc.array(window, { minLength: 1, maxLength: 4 }), perTenant: fc.array(window, { minLength: 1, maxLength: 2 }) });

  it('with any set of small limits, where every window fills up', () => {
    fc.assert(
      fc.property(requests, margin, limits, (reqs, m, l) => {
        expect(worstOverLimit(runSchedule(reqs, m, l), l, m)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never waits longer than it must: one millisecond earlier would break a window', () => {
    fc.assert(
      fc.property(requests, limits, (reqs, l) => {
        const sends = runSchedule(reqs, 0, l);
        const last = sends.at(-1);
        const before = sends.slice(0, -1);
        if (last === undefined || before.length === 0 || last.at === (before.at(-1)?.at ?? 0) + (reqs.at(-1)?.gapMs ?? 0)) return;
        const early = [...before, { ...last, at: last.at - 1 }];
        expect(worstOverLimit(early, l, 0)).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
