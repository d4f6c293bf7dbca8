import { describe, expect, it } from 'vitest';
import { oncePerKey } from '../../../src/platform/kernel/once-per-key.js';

describe('oncePerKey', () => {
  it('opens each key once and shares the promise', async () => {
    const opened: string[] = [];
    const open = oncePerKey(new Map<string, Promise<string>>(), async (key) => {
      opened.push(key);
      return `${key}!`;
    });
    expect(await Promise.all([open('a'), open('a'), open('b')])).toEqual(['a!', 'a!', 'b!']);
    expect(await open('a')).toBe('a!');
    expect(opened).toEqual(['a', 'b']);
  });

  it('keeps a failure unless asked to retry, and then tries again on the next call', async () => {
    let calls = 0;
    const failingOnce = async () => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
      return calls;
    };
    const kept = oncePerKey(new Map<string, Promise<number>>(), failingOnce);
    await expect(kept('x')).rejects.toThrow('not yet');
    await expect(kept('x')).rejects.toThrow('not yet');
    calls = 0;
    const retried = oncePerKey(new Map<string, Promise<number>>(), failingOnce, { retryFailures: true });
    await expect(retried('x')).rejects.toThrow('not yet');
    expect(await retried('x')).toBe(2);
  });
});
