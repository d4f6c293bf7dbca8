import { describe, expect, it } from 'vitest';
import { RecentSessions } from '../../../src/sessions/app/recent-sessions.js';
import type { SessionStore } from '../../../src/sessions/app/session-ports.js';
import { openSession, type Session, type SessionKind } from '../../../src/sessions/domain/index.js';
import { freshSessionStorage } from '../../support/session-storage.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

function draft(id: string, kind: SessionKind, endsAt = '2026-11-30T16:00:00.000Z'): Session {
  return openSession({
    id,
    kind,
    title: `Session ${id}`,
    startsAt: '2026-11-30T10:00:00.000Z',
    endsAt,
    timeZone: 'Europe/London',
    location: { type: 'inPerson', venue: 'Town Hall' },
    seats: 10,
    bookingClosesAt: '2026-11-29T10:00:00.000Z',
  });
}

function countingLists(store: SessionStore): { store: SessionStore; lists: { count: number } } {
  const lists = { count: 0 };
  const counted = Object.create(store) as SessionStore;
  counted.list = (options) => {
    lists.count += 1;
    return store.list(options);
  };
  return { store: counted, lists };
}

async function setUp() {
  const { sessions } = await freshSessionStorage(() => NOW);
  await sessions.save({ session: draft('info', 'informationSession'), version: 1, audit: [], effects: [] });
  await sessions.save({ session: draft('training', 'training'), version: 1, audit: [], effects: [] });
  await sessions.save({ session: draft('old', 'training', '2026-02-01T16:00:00.000Z'), version: 1, audit: [], effects: [] });
  const { store, lists } = countingLists(sessions);
  let clock = 0;
  const recent = new RecentSessions(store, 1_000, () => clock);
  return { sessions, recent, lists, advance: (ms: number) => (clock += ms) };
}

const titles = (stored: readonly { session: Session }[]) => stored.map((s) => s.session.title).sort();

describe('RecentSessions (sessions for cards, read at most a second ago)', () => {
  it('reads once for everyone within its age, and again after it', async () => {
    const { recent, lists, advance } = await setUp();
    const [a, b] = await Promise.all([recent.list({ endingAfter: NOW }), recent.list({ endingAfter: NOW })]);
    expect(titles(a)).toEqual(['Session info', 'Session training']);
    expect(titles(b)).toEqual(titles(a));
    advance(999);
    await recent.list({ endingAfter: NOW });
    expect(lists.count).toBe(1);
    advance(2);
    await recent.list({ endingAfter: NOW });
    expect(lists.count).toBe(2);
  });

  it('filters by kind and end, and reads again for an older range than it holds', async () => {
    const { recent, lists } = await setUp();
    expect(titles(await recent.list({ endingAfter: NOW, kinds: new Set(['training']) }))).toEqual(['Session training']);
    expect(titles(await recent.list({ endingAfter: LONG_AGO }))).toEqual(['Session info', 'Session old', 'Session training']);
    expect(lists.count).toBe(2);
  });

  it('shows a write made through this instance at once, and one made elsewhere only once its age runs out', async () => {
    const { sessions, recent, advance } = await setUp();
    await recent.list({ endingAfter: NOW });
    const info = (await sessions.get('info'))!;
    await recent.tracking.save({ session: { ...info.session, title: 'Renamed here' }, etag: info.etag, version: 2, audit: [], effects: [] });
    expect(titles(await recent.list({ endingAfter: NOW }))).toContain('Renamed here');
    const training = (await sessions.get('training'))!;
    await sessions.save({ session: { ...training.session, title: 'Renamed elsewhere' }, etag: training.etag, version: 2, audit: [], effects: [] });
    expect(titles(await recent.list({ endingAfter: NOW }))).not.toContain('Renamed elsewhere');
    advance(1_001);
    expect(titles(await recent.list({ endingAfter: NOW }))).toEqual(['Renamed elsewhere', 'Renamed here']);
  });

  it('keeps a write stored while a read was on its way (the read saw the state before it)', async () => {
    const { sessions } = await freshSessionStorage(() => NOW);
    await sessions.save({ session: draft('info', 'informationSession'), version: 1, audit: [], effects: [] });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = Object.create(sessions) as SessionStore;
    slow.list = async function* (options) {
      const rows = [];
      for await (const row of sessions.list(options)) rows.push(row);
      await gate; // the rows are read; the write below lands before the read hands them over
      yield* rows;
    };
    const recent = new RecentSessions(slow, 1_000, () => 0);
    const reading = recent.list({ endingAfter: NOW });
    const info = (await sessions.get('info'))!;
    await recent.tracking.save({ session: { ...info.session, title: 'Written meanwhile' }, etag: info.etag, version: 2, audit: [], effects: [] });
    release();
    expect(titles(await reading)).toEqual(['Written meanwhile']);
    expect(titles(await recent.list({ endingAfter: NOW }))).toEqual(['Written meanwhile']);
  });
});
