import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../../src/platform/app/ports.js';
import { MAX_SEATS, openSession, type Booking, type Session } from '../../../src/sessions/domain/index.js';
import { PART_LENGTH, toDomain, toEntity } from '../../../src/sessions/store/session.repository.js';
import { freshSessionStorage } from '../../support/session-storage.js';

const NOW = new Date('2026-11-02T10:00:00Z');

function session(id: string, seats = 20): Session {
  return openSession({
    id,
    kind: 'training',
    title: 'Mentor training 2026 (full day)',
    startsAt: '2026-11-30T09:30:00.000Z',
    endsAt: '2026-11-30T16:30:00.000Z',
    timeZone: 'Europe/London',
    location: { type: 'inPerson', venue: 'Civic Centre' },
    seats,
    bookingClosesAt: '2026-11-29T09:30:00.000Z',
  });
}

/** No lone half of a surrogate pair (String.prototype.isWellFormed, which the es2022 lib does not declare). */
function wellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** A full 500-seat session with the longest names the domain allows, in scripts that take two UTF-16 units a character. */
function fullSession(): Session {
  const bookings: Booking[] = Array.from({ length: MAX_SEATS }, (_, i) => ({
    personId: `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`,
    displayName: `${'𝔐'.repeat(30)} Ødegård-Nakamura ${i}`.slice(0, 64),
    status: 'confirmed',
    bookedAt: new Date(NOW.getTime() + i).toISOString(),
    attended: i % 2 === 0,
  }));
  return { ...session('full-500', MAX_SEATS), bookings };
}

describe('the session repository on Azurite', () => {
  it('round-trips a full 500-seat session, its JSON split over properties Table Storage can hold', async () => {
    const { sessions } = await freshSessionStorage(() => NOW);
    const full = fullSession();
    const entity = toEntity(full, 1);
    expect(JSON.stringify(full).length).toBeGreaterThan(2 * PART_LENGTH);
    expect(entity.parts).toBeGreaterThan(2);
    for (let i = 0; i < entity.parts; i += 1) {
      const part = entity[`data${i}`]!;
      expect(part.length).toBeLessThanOrEqual(PART_LENGTH);
      // No part ends in half a surrogate pair: each is well-formed UTF-16 on its own.
      expect(wellFormed(part)).toBe(true);
    }
    expect(toDomain(entity)).toEqual(full);

    await sessions.save({ session: full, version: 1, audit: [], effects: [] });
    const read = await sessions.get('full-500');
    expect(read?.session).toEqual(full);
    expect(read?.version).toBe(1);
  });

  it('never cuts a character in two, whichever way the parts fall', () => {
    for (const id of ['x', 'xx']) {
      const astral = { ...session(id), title: '𝔐'.repeat(40_000) };
      const entity = toEntity(astral, 1);
      for (let i = 0; i < entity.parts; i += 1) expect(wellFormed(entity[`data${i}`]!)).toBe(true);
      expect(toDomain(entity)).toEqual(astral);
    }
  });

  it('refuses a second create and a stale etag, and lists sessions', async () => {
    const { sessions } = await freshSessionStorage(() => NOW);
    await sessions.save({ session: session('a/b#c?'), version: 1, audit: [], effects: [] });
    await expect(sessions.save({ session: session('a/b#c?'), version: 1, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
    const read = (await sessions.get('a/b#c?'))!;
    await sessions.save({ session: { ...read.session, seats: 21 }, etag: read.etag, version: 2, audit: [], effects: [] });
    await expect(sessions.save({ session: read.session, etag: read.etag, version: 2, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
    await sessions.save({ session: session('other'), version: 1, audit: [], effects: [] });
    const ids: string[] = [];
    for await (const stored of sessions.list()) ids.push(stored.session.id);
    expect(ids.sort()).toEqual(['a/b#c?', 'other']);
    expect(await sessions.get('missing')).toBeUndefined();
  });

  it('keeps the calendar state in its own row, etag-guarded', async () => {
    const { sessions } = await freshSessionStorage(() => NOW);
    expect(await sessions.getCalendar('s')).toEqual({ value: { syncedVersion: 0, requestedVersion: 0 } });
    const etag = await sessions.saveCalendar('s', { syncedVersion: 0, requestedVersion: 3, lockedUntil: NOW.toISOString() }, undefined);
    await expect(sessions.saveCalendar('s', { syncedVersion: 0, requestedVersion: 0 }, undefined)).rejects.toBeInstanceOf(ConcurrencyError);
    await sessions.saveCalendar('s', { eventId: 'e1', syncedVersion: 3, requestedVersion: 3 }, etag);
    await expect(sessions.saveCalendar('s', { syncedVersion: 4, requestedVersion: 4 }, etag)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await sessions.getCalendar('s')).value).toEqual({ eventId: 'e1', syncedVersion: 3, requestedVersion: 3 });
  });
});
