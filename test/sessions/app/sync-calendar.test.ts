import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/platform/delivery/delivery.js';
import { book } from '../../../src/sessions/app/book-session.js';
import { cancelMyBooking } from '../../../src/sessions/app/cancel-booking.js';
import type { SessionStore } from '../../../src/sessions/app/session-ports.js';
import { reconcileCalendars } from '../../../src/sessions/app/reconcile-calendars.js';
import { syncSessionCalendar, type CalendarSyncDeps } from '../../../src/sessions/app/sync-calendar.js';
import { encodeKey } from '../../../src/platform/storage/keys.js';
import { listPending } from '../../../src/platform/storage/outbox.js';
import { openSession } from '../../../src/sessions/domain/index.js';
import { GraphCalendarGateway } from '../../../src/sessions/graph/calendar.gateway.js';
import { createGraphClient } from '../../../src/platform/directory/graph-client.js';
import { calendarFaults, GraphCalendarStandIn } from '../../support/graph-calendar-stand-in.js';
import { freshSessionStorage } from '../../support/session-storage.js';
import { approvedMentor } from '../../support/sessions-bot.js';

const MAILBOX = 'organiser@council.example';
let clock = new Date('2026-11-02T10:00:00Z');
const now = () => clock;
const people = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` }));
const mail = (id: string) => `${id}@council.example`;

function draft(id: string) {
  return openSession({
    id,
    kind: 'informationSession',
    title: `Session ${id}`,
    startsAt: '2026-11-30T10:00:00.000Z',
    endsAt: '2026-11-30T12:00:00.000Z',
    timeZone: 'Europe/London',
    location: { type: 'online' },
    seats: 3,
    bookingClosesAt: '2026-11-29T10:00:00.000Z',
  });
}

describe('syncing a session to its Graph event (Azurite + Graph stand-in)', () => {
  let graph: GraphCalendarStandIn;
  beforeAll(async () => {
    graph = await new GraphCalendarStandIn(MAILBOX).start();
  });
  afterAll(() => graph.stop());

  async function setUp(id: string) {
    const storage = await freshSessionStorage(now);
    for (const person of people) await approvedMentor(storage.mentors, person, clock);
    await storage.sessions.save({ session: draft(id), version: 1, audit: [], effects: [] });
    const gateway = new GraphCalendarGateway(createGraphClient({ baseUrl: graph.url, getAccessToken: async () => 't' }), { mailbox: MAILBOX, now: () => new Date() });
    const sync: CalendarSyncDeps = { sessions: storage.sessions, calendar: gateway, emails: { emailOf: async (pid) => mail(pid) }, now, lockMs: 5_000 };
    const version = async () => (await storage.sessions.get(id))!.version;
    return { ...storage, sync, version };
  }

  it('creates the event with the first booking, then converges the attendees to each change', async () => {
    const s = await setUp('converge');
    expect(await syncSessionCalendar(s.sync, 'converge', await s.version())).toBe('synced');
    expect(graph.eventFor('Session converge')).toBeUndefined();
    for (const person of people.slice(0, 4)) await book(s.deps, person, 'converge');
    await syncSessionCalendar(s.sync, 'converge', await s.version());
    expect(graph.attendeesOf('Session converge')).toEqual(['p0', 'p1', 'p2'].map(mail));
    await cancelMyBooking(s.deps, people[1]!, 'converge');
    await syncSessionCalendar(s.sync, 'converge', await s.version());
    expect(graph.attendeesOf('Session converge')).toEqual(['p0', 'p2', 'p3'].map(mail));
    // A repeated or late effect changes nothing and calls Graph no more.
    const calls = graph.requests.length;
    expect(await syncSessionCalendar(s.sync, 'converge', 2)).toBe('upToDate');
    expect(graph.requests.length).toBe(calls);
  });

  it('clears the mark of a calendar failure the coordinators were told of, once a sync succeeds', async () => {
    const s = await setUp('told');
    await book(s.deps, people[0]!, 'told');
    const { value, etag } = await s.sessions.getCalendar('told');
    await s.sessions.saveCalendar('told', { ...value, reportedFailure: 'told.v2.calendar|accessDenied' }, etag);
    expect(await syncSessionCalendar(s.sync, 'told', await s.version())).toBe('synced');
    expect((await s.sessions.getCalendar('told')).value.reportedFailure).toBeUndefined();
  });

  it('brings the event up to the bookings as stored now, even when the sync was queued for an older version', async () => {
    // The effect worker drops the syncs queued after a run as covered by it, so a run must not stop at its own version.
    const s = await setUp('late');
    await book(s.deps, people[0]!, 'late');
    const queuedFor = await s.version();
    await syncSessionCalendar(s.sync, 'late', queuedFor);
    await book(s.deps, people[1]!, 'late');
    expect(await syncSessionCalendar(s.sync, 'late', queuedFor)).toBe('synced');
    expect(graph.attendeesOf('Session late')).toEqual(['p0', 'p1'].map(mail));
  });

  it('recovers from a crash after Graph was changed but before the state was saved, without a second event', async () => {
    const s = await setUp('crash');
    for (const person of people.slice(0, 2)) await book(s.deps, person, 'crash');
    let crash = true;
    const crashing: SessionStore = Object.assign(Object.create(Object.getPrototypeOf(s.sessions) as object) as SessionStore, s.sessions, {
      saveCalendar: async (...args: Parameters<SessionStore['saveCalendar']>) => {
        if (crash && args[1].eventId && !args[1].lockedUntil) {
          crash = false;
          throw new Error('process died');
        }
        return s.sessions.saveCalendar(...args);
      },
    });
    await expect(syncSessionCalendar({ ...s.sync, sessions: crashing }, 'crash', await s.version())).rejects.toThrow();
    // The lock the dead worker held makes others hand over; once it runs out, the retry converges.
    await book(s.deps, people[2]!, 'crash');
    expect(await syncSessionCalendar(s.sync, 'crash', await s.version())).not.toBe('synced');
    clock = new Date(clock.getTime() + 6_000);
    expect(await syncSessionCalendar(s.sync, 'crash', await s.version())).toBe('synced');
    expect(graph.attendeesOf('Session crash')).toEqual(['p0', 'p1', 'p2'].map(mail));
    expect([...graph.events.values()].filter((e) => e.subject === 'Session crash')).toHaveLength(1);
  });

  it('lets many workers at once end with the event matching the bookings', async () => {
    const s = await setUp('many');
    const runs: Promise<unknown>[] = [];
    for (const person of people) {
      await book(s.deps, person, 'many');
      const v = await s.version();
      runs.push(syncSessionCalendar(s.sync, 'many', v), syncSessionCalendar(s.sync, 'many', v));
    }
    await cancelMyBooking(s.deps, people[0]!, 'many');
    runs.push(syncSessionCalendar(s.sync, 'many', await s.version()));
    await Promise.all(runs);
    expect(graph.attendeesOf('Session many')).toEqual(['p1', 'p2', 'p3'].map(mail));
  });

  it('finds a session whose event fell behind (a sync that failed for good) and queues one sync for it', async () => {
    const s = await setUp('behind');
    await book(s.deps, people[0]!, 'behind');
    expect(await reconcileCalendars(s.sessions, clock)).toBe(1);
    expect(await reconcileCalendars(s.sessions, clock)).toBe(1);
    const pending = await listPending(s.table, encodeKey('behind'));
    expect(pending.filter((p) => p.effect.id.endsWith('.reconcile'))).toHaveLength(1);
    await syncSessionCalendar(s.sync, 'behind', await s.version());
    expect(await reconcileCalendars(s.sessions, clock)).toBe(0);
  });

  it('lets go of the calendar when Graph throttles, so the retry can go ahead', async () => {
    const s = await setUp('throttled');
    await book(s.deps, people[0]!, 'throttled');
    graph.fail((r) => r.method === 'POST' && r.path.endsWith('/events'), calendarFaults.throttled(3), 1);
    const error = await syncSessionCalendar(s.sync, 'throttled', await s.version()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ outcome: 'retry', retryAfterMs: 3000 });
    expect((await s.sessions.getCalendar('throttled')).value.lockedUntil).toBeUndefined();
    expect(await syncSessionCalendar(s.sync, 'throttled', await s.version())).toBe('synced');
    expect(graph.attendeesOf('Session throttled')).toEqual([mail('p0')]);
  });
});
