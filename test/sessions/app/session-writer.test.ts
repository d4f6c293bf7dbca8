import { describe, expect, it } from 'vitest';
import { book } from '../../../src/sessions/app/book-session.js';
import { cancelMyBooking } from '../../../src/sessions/app/cancel-booking.js';
import { changeSessionSeats } from '../../../src/sessions/app/change-seats.js';
import type { SessionChange, SessionStore } from '../../../src/sessions/app/session-ports.js';
import { SessionWriter } from '../../../src/sessions/app/session-writer.js';
import { confirmedBookings, waitingList, type SessionKind } from '../../../src/sessions/domain/index.js';
import { freshSessionStorage } from '../../support/session-storage.js';
import { approvedMentor } from '../../support/sessions-bot.js';
import { aSession } from '../domain/session.fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');

/** The store with every write kept and reads counted, so a test can see how the writer grouped its steps. */
function countingWrites(store: SessionStore): { store: SessionStore; writes: SessionChange[]; reads: { count: number } } {
  const writes: SessionChange[] = [];
  const reads = { count: 0 };
  const counted: SessionStore = Object.create(store) as SessionStore;
  counted.get = (sessionId) => {
    reads.count += 1;
    return store.get(sessionId);
  };
  counted.save = async (change) => {
    const etag = await store.save(change);
    writes.push(change);
    return etag;
  };
  return { store: counted, writes, reads };
}

async function setUp(people: number, seats: number, kind: SessionKind = 'informationSession') {
  const storage = await freshSessionStorage(() => NOW);
  const persons = Array.from({ length: people }, (_, i) => ({ id: `person-${String(i).padStart(3, '0')}`, name: `Person ${i}` }));
  await Promise.all(persons.map((person) => approvedMentor(storage.mentors, person, NOW)));
  const id = `writer-${kind}`;
  const session = aSession({
    id,
    kind,
    title: 'Writer test',
    startsAt: '2026-11-30T10:00:00.000Z',
    endsAt: '2026-11-30T16:00:00.000Z',
    location: { type: 'online' },
    seats,
    bookingClosesAt: '2026-11-29T10:00:00.000Z',
  });
  await storage.sessions.save({ session, version: 1, audit: [], effects: [] });
  const counted = countingWrites(storage.sessions);
  const deps = { ...storage.deps, sessions: counted.store, sessionWriter: new SessionWriter(counted.store, storage.deps.clock) };
  return { ...storage, id, persons, deps, writes: counted.writes, reads: counted.reads };
}

describe('SessionWriter (group commit) on Azurite', () => {
  it('stores forty bookings made at once in a few writes, confirmed and waiting in the order they arrived', async () => {
    const { deps, id, persons, sessions, writes, reads } = await setUp(40, 10);
    const answers = await Promise.all(persons.map((person) => book(deps, person, id)));
    const stored = (await sessions.get(id))!.session;
    expect(confirmedBookings(stored).map((b) => b.personId)).toEqual(persons.slice(0, 10).map((p) => p.id));
    expect(waitingList(stored).map((b) => b.personId)).toEqual(persons.slice(10).map((p) => p.id));
    expect(answers.map((a) => (a.ok ? a.value.outcome : a.error.code))).toEqual([...Array(10).fill('confirmed'), ...Array(30).fill('waiting')]);
    expect(answers.map((a) => (a.ok ? a.value.waitingPosition : undefined)).slice(10)).toEqual(persons.slice(10).map((_, i) => i + 1));
    expect(writes.length).toBeLessThan(10);
    // Read once: each later write starts from the state the previous one stored (its etag proves it current).
    expect(reads.count).toBe(1);
    expect(writes.flatMap((w) => w.audit)).toHaveLength(40);
  });

  it('splits a rush too big for one transaction (100 rows) over several writes and loses nobody', async () => {
    // Training: each booking owes an audit row and a stage effect, and the write owes one calendar sync.
    const { deps, id, persons, sessions, writes } = await setUp(70, 100, 'training');
    await Promise.all(persons.map((person) => book(deps, person, id)));
    const stored = (await sessions.get(id))!.session;
    expect(confirmedBookings(stored)).toHaveLength(70);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const write of writes) expect(1 + write.audit.length + write.effects.length).toBeLessThanOrEqual(100);
    expect(new Set(writes.flatMap((w) => w.effects.map((e) => e.id))).size).toBe(writes.reduce((n, w) => n + w.effects.length, 0));
  });

  it('decides again from a fresh read when another instance wrote after the state it remembers', async () => {
    const { deps, id, persons, sessions, storage } = await setUp(3, 1);
    const [first, second, third] = persons as [typeof persons[0], typeof persons[0], typeof persons[0]];
    expect((await book(deps, first, id)).ok).toBe(true);
    // Another instance: a writer of its own over the same table.
    const other = { ...deps, sessions, sessionWriter: new SessionWriter(sessions, deps.clock) };
    expect(await cancelMyBooking(other, first, id)).toMatchObject({ ok: true });
    expect(await book(other, second, id)).toMatchObject({ ok: true, value: { outcome: 'confirmed' } });
    // This instance still remembers `first` holding the only seat and `second` absent.
    expect(await book(deps, third, id)).toMatchObject({ ok: true, value: { outcome: 'waiting', waitingPosition: 1 } });
    expect(await book(deps, first, id)).toMatchObject({ ok: true, value: { outcome: 'waiting', waitingPosition: 2 } });
    const stored = (await sessions.get(id))!.session;
    expect(confirmedBookings(stored).map((b) => b.personId)).toEqual([second.id]);
    expect(waitingList(stored).map((b) => b.personId)).toEqual([third.id, first.id]);
    expect(storage).toBeDefined();
  });

  it('does not answer "already booked" from memory when someone else cancelled the booking meanwhile', async () => {
    const { deps, id, persons, sessions } = await setUp(1, 5);
    const person = persons[0]!;
    expect(await book(deps, person, id)).toMatchObject({ ok: true, value: { outcome: 'confirmed' } });
    await cancelMyBooking({ ...deps, sessions, sessionWriter: new SessionWriter(sessions, deps.clock) }, person, id);
    expect(await book(deps, person, id)).toMatchObject({ ok: true, value: { outcome: 'confirmed' } });
    expect(confirmedBookings((await sessions.get(id))!.session).map((b) => b.personId)).toEqual([person.id]);
  });

  it('fails only the step that throws; the others in the same write go ahead', async () => {
    const { deps, id, persons, sessions } = await setUp(2, 5);
    const writer = deps.sessionWriter;
    const broken = writer.run(id, () => {
      throw new Error('a broken step');
    });
    const fine = book(deps, persons[0]!, id);
    await expect(broken).rejects.toThrow('a broken step');
    expect(await fine).toMatchObject({ ok: true, value: { outcome: 'confirmed' } });
    expect(confirmedBookings((await sessions.get(id))!.session)).toHaveLength(1);
  });

  it("takes a coordinator's seat change in the middle of a rush in its turn, however long the rush", async () => {
    const { deps, id, persons, sessions } = await setUp(60, 10);
    const coordinator = { id: 'coordinator', name: 'Coordinator' };
    const withRoles = { ...deps, roles: { ...deps.roles, isCoordinator: (who: string) => who === coordinator.id } };
    const rush = persons.map((person) => book(withRoles, person, id));
    const seats = changeSessionSeats(withRoles, coordinator, id, '30');
    await Promise.all(rush);
    expect(await seats).toMatchObject({ ok: true, value: { changed: true } });
    const stored = (await sessions.get(id))!.session;
    expect(stored.seats).toBe(30);
    expect(confirmedBookings(stored).map((b) => b.personId)).toEqual(persons.slice(0, 30).map((p) => p.id));
    expect(waitingList(stored).map((b) => b.personId)).toEqual(persons.slice(30).map((p) => p.id));
  });

  it('answers for a session that does not exist without writing anything', async () => {
    const { deps, persons, writes } = await setUp(1, 5);
    expect(await book(deps, persons[0]!, 'no-such-session')).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    expect(writes).toHaveLength(0);
  });
});
