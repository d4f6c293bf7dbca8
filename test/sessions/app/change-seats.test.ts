import { describe, expect, it } from 'vitest';
import { changeSessionSeats } from '../../../src/sessions/app/change-seats.js';
import { fanOutEffects } from '../../../src/sessions/app/session-effects.js';
import type { Booking } from '../../../src/sessions/domain/index.js';
import { encodeKey } from '../../../src/platform/storage/keys.js';
import { listPending } from '../../../src/platform/storage/outbox.js';
import { freshSessionStorage } from '../../support/session-storage.js';
import { aSession } from '../domain/session.fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const COORDINATOR = { id: 'coordinator', name: 'Coordinator' };
const booking = (i: number, status: Booking['status']): Booking => ({ personId: `p${i}`, displayName: `Person ${i}`, status, bookedAt: NOW.toISOString() });

describe('changing seats on Azurite', () => {
  it('promotes 150 people in one write: one fan-out row carries them, the worker expands it to a notice and a stage check each', async () => {
    const s = await freshSessionStorage(() => NOW, [COORDINATOR.id]);
    const session = aSession({ id: 'big', title: 'Training', location: { type: 'online' }, seats: 1 });
    const bookings = [booking(0, 'confirmed'), ...Array.from({ length: 150 }, (_, i) => booking(i + 1, 'waiting'))];
    await s.sessions.save({ session: { ...session, bookings }, version: 1, audit: [], effects: [] });

    const result = await changeSessionSeats(s.deps, COORDINATOR, 'big', '200');
    expect(result.ok && result.value.promoted.length).toBe(150);
    const stored = (await s.sessions.get('big'))!;
    expect(stored.version).toBe(2);
    expect(stored.session.bookings.every((b) => b.status === 'confirmed')).toBe(true);

    const pending = await listPending(s.table, encodeKey('big'));
    expect(pending.map((p) => p.effect.id).sort()).toEqual(['big.v2.calendar', 'big.v2.fanout.promoted']);
    const fanOut = pending.find((p) => p.effect.message.type === 'sessionFanOut')!.effect.message;
    if (fanOut.type !== 'sessionFanOut') throw new Error('expected a fan-out');
    const expanded = fanOutEffects(stored.session, fanOut.version, fanOut.purpose, fanOut.actor, fanOut.personIds);
    expect(expanded.filter((e) => e.message.type === 'sessionPromoted').map((e) => e.recipientId)).toEqual(bookings.slice(1).map((b) => b.personId));
    expect(expanded.filter((e) => e.message.type === 'sessionMentorStage')).toHaveLength(150);
  });

  it('refuses someone who is not a coordinator before reading anything', async () => {
    const s = await freshSessionStorage(() => NOW, [COORDINATOR.id]);
    const result = await changeSessionSeats(s.deps, { id: 'someone', name: 'Someone' }, 'big', '200');
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_COORDINATOR');
  });
});
