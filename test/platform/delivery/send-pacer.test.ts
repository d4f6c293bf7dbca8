import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEAMS_BOT_RATE_LIMITS } from '../../../src/broadcast/domain/index.js';
import { SendPacer } from '../../../src/platform/delivery/send-pacer.js';

const T0 = Date.parse('2026-10-05T09:00:00.000Z');

/** The most of `times` inside any closed window of `windowMs`. */
function busiest(times: readonly number[], windowMs: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to += 1) {
    while (times[to]! - times[from]! > windowMs) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

async function paced(pacer: SendPacer, conversations: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  const all = conversations.map((c) => pacer.acquire(c).then(() => times.push(Date.now())));
  await vi.runAllTimersAsync();
  await Promise.all(all);
  return times.sort((a, b) => a - b);
}

describe('SendPacer', () => {
  afterEach(() => vi.useRealTimers());

  it('fills the tenant window to 50, evenly, at 50 every 1,020 ms, and never 51 in any second', async () => {
    vi.useFakeTimers({ now: T0 });
    const times = await paced(new SendPacer(TEAMS_BOT_RATE_LIMITS, 20, () => new Date()), Array.from({ length: 500 }, (_, i) => `chat-${i}`));
    expect(busiest(times, 1_000)).toBe(50);
    expect(busiest(times, 1_019)).toBe(50); // the guard: 50 in every 1,020 ms, not just every second
    // 500 sends: the 451st comes more than 9 × 1,020 ms after the 1st, and the pace is close to that (48.9 a second or more).
    expect(times[450]! - times[0]!).toBeGreaterThan(9 * 1_020);
    expect(times.at(-1)! - times[0]!).toBeLessThanOrEqual(10 * 1_022);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(22); // evenly: no burst of 50 and a long wait
  });

  it('holds one chat to 7 a second and 8 in 2 s', async () => {
    vi.useFakeTimers({ now: T0 });
    const times = await paced(new SendPacer(TEAMS_BOT_RATE_LIMITS, 20, () => new Date()), Array.from({ length: 30 }, () => 'one-chat'));
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
  });

  it('takes 1/n of the tenant budget when n workers share it', async () => {
    vi.useFakeTimers({ now: T0 });
    const pacer = new SendPacer(TEAMS_BOT_RATE_LIMITS, 20, () => new Date());
    pacer.setShare(2);
    const times = await paced(pacer, Array.from({ length: 200 }, (_, i) => `chat-${i}`));
    expect(busiest(times, 1_000)).toBe(25);
  });
});
