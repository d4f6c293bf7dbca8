import type { QueueClient } from '@azure/storage-queue';
import { describe, expect, it } from 'vitest';
import { EffectQueue } from '../../../src/platform/storage/effect-queue.js';
import { freshSessionStorage } from '../../support/session-storage.js';

async function queued(client: QueueClient): Promise<string[]> {
  const peeked = await client.peekMessages({ numberOfMessages: 32 });
  return peeked.peekedMessageItems.map((item) => item.messageText);
}

/** A queue client whose sends wait until the test lets them go, counting when each started. */
function heldClient() {
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const client = {
    sendMessage: (text: string) => {
      started.push(started.length);
      return new Promise((resolve) => releases.push(() => resolve({ text })));
    },
  } as unknown as QueueClient;
  return { client, started, releaseNext: () => releases.shift()?.() };
}

describe('EffectQueue signals', () => {
  it('coalesces a rush of signals for one partition into at most two messages (Azurite)', async () => {
    const { storage } = await freshSessionStorage(() => new Date());
    const queue = new EffectQueue(storage.effectQueue, () => new Date());
    await Promise.all(Array.from({ length: 30 }, () => queue.signal('Sessions', 'session-1')));
    const messages = await queued(storage.effectQueue);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(messages.length).toBeLessThanOrEqual(2);
    expect(JSON.parse(messages[0]!)).toEqual({ t: 'Sessions', p: 'session-1' });
  });

  it('keeps partitions apart, and sends again for a signal after the last one went (Azurite)', async () => {
    const { storage } = await freshSessionStorage(() => new Date());
    const queue = new EffectQueue(storage.effectQueue, () => new Date());
    await Promise.all(['a', 'b', 'c'].map((partition) => queue.signal('Sessions', partition)));
    await queue.signal('Sessions', 'a');
    expect((await queued(storage.effectQueue)).map((text) => (JSON.parse(text) as { p: string }).p).sort()).toEqual(['a', 'a', 'b', 'c']);
  });

  it('answers a signal made during a send only after a send that started after it', async () => {
    const held = heldClient();
    const queue = new EffectQueue(held.client, () => new Date());
    let firstDone = false;
    let secondDone = false;
    void queue.signal('Sessions', 'p').then(() => (firstDone = true));
    const second = queue.signal('Sessions', 'p').then(() => (secondDone = true));
    const third = queue.signal('Sessions', 'p');
    expect(held.started).toHaveLength(1);
    held.releaseNext();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(firstDone).toBe(true);
    expect(secondDone).toBe(false);
    expect(held.started).toHaveLength(2); // the shared follow-up, started after the second and third asked
    held.releaseNext();
    await Promise.all([second, third]);
    expect(held.started).toHaveLength(2);
  });

  it('sends no second delayed signal while one already queued wakes a worker in time', async () => {
    const { storage } = await freshSessionStorage(() => new Date());
    const queue = new EffectQueue(storage.effectQueue, () => new Date());
    await queue.signal('Sessions', 'p', 2_000);
    await queue.signal('Sessions', 'p', 2_000); // the first wakes a worker by then
    await queue.signal('Sessions', 'p', 3_000); // and before this one's time too: that worker signals again if need be
    await queue.signal('Sessions', 'other', 2_000);
    const counts = async () => (await storage.effectQueue.getProperties()).approximateMessagesCount;
    expect(await counts()).toBe(2);
    await queue.signal('Sessions', 'p', 1_000); // wanted sooner than the queued one: sent
    expect(await counts()).toBe(3);
  });
});
