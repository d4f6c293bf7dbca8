import { describe, expect, it } from 'vitest';
import { TEAMS_BOT_RATE_LIMITS } from '../../../src/broadcast/domain/index.js';
import { RecordBackPressure } from '../../../src/broadcast/worker/back-pressure.js';
import { PacerStopped, SendPacer } from '../../../src/platform/delivery/send-pacer.js';

const roomyPacer = () => new SendPacer({ ...TEAMS_BOT_RATE_LIMITS, perTenant: [{ count: 1000, windowMs: 1000 }] }, 0, () => new Date());

/** A write that finishes when the test says so. */
function heldWrite<T>(value: T) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { write: async () => (await done, value), finish };
}

/** Whether a promise has settled after everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let state = false;
  void promise.then(() => (state = true), () => (state = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return state;
}

describe('back-pressure: no new send while too many answered sends wait for their record', () => {
  it('holds the next slot while maxUnrecorded records are being written, and gives it once one is written', async () => {
    const gate = new RecordBackPressure(roomyPacer(), 2);
    const first = heldWrite(true);
    const second = heldWrite(false);
    const recordingFirst = gate.recording(first.write);
    const recordingSecond = gate.recording(second.write);

    const slot = gate.slot('person-3');
    expect(await settled(slot)).toBe(false);
    second.finish();
    expect(await recordingSecond).toBe(false);
    expect(await settled(slot)).toBe(true);
    first.finish();
    expect(await recordingFirst).toBe(true);
  });

  it('counts a record that failed as written', async () => {
    const gate = new RecordBackPressure(roomyPacer(), 1);
    await expect(gate.recording(async () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await settled(gate.slot('person-1'))).toBe(true);
  });

  it('gives a slot at once below the limit, and refuses the waiting ones with PacerStopped when stopped', async () => {
    const gate = new RecordBackPressure(roomyPacer(), 1);
    await gate.slot('person-1');
    const held = heldWrite(undefined);
    void gate.recording(held.write);
    const waiting = gate.slot('person-2');
    gate.stop();
    await expect(waiting).rejects.toBeInstanceOf(PacerStopped);
    held.finish();
  });
});
