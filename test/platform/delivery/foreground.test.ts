import { describe, expect, it } from 'vitest';
import { Foreground } from '../../../src/platform/delivery/foreground.js';

/** The worker's gate under ROLE=all: it steps aside while a person's request is being answered, but never for long. */
describe('the foreground gate', () => {
  const settled = async (promise: Promise<void>, withinMs: number): Promise<boolean> =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs))]);

  it('lets the worker go at once when no request is in flight', async () => {
    expect(await settled(new Foreground().quiet(10_000), 5)).toBe(true);
  });

  it('holds the worker while requests are in flight, and lets it go when the last one ends', async () => {
    const gate = new Foreground();
    gate.enter();
    gate.enter();
    const waiting = gate.quiet(10_000);
    expect(await settled(waiting, 30)).toBe(false);
    gate.leave();
    expect(await settled(waiting, 30)).toBe(false);
    gate.leave();
    expect(await settled(waiting, 30)).toBe(true);
  });

  it('never holds the worker past its cap, so steady traffic cannot starve it', async () => {
    const gate = new Foreground();
    gate.enter();
    expect(await settled(gate.quiet(40), 400)).toBe(true);
  });
});
