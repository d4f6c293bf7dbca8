import { describe, expect, inject, it } from 'vitest';
import { scheduleSupervision, type SupervisionDeps } from '../../../src/broadcast/app/supervision/schedule-supervision.js';
import { newMentor, type MentorStage } from '../../../src/journey/domain/index.js';
import { checkSupervisionSetting } from '../../../src/broadcast/domain/supervision/index.js';
import { BroadcastQueue } from '../../../src/broadcast/store/broadcast-queue.js';
import { BroadcastRepository } from '../../../src/broadcast/store/broadcast.repository.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { SupervisionRepository } from '../../../src/broadcast/store/supervision.repository.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { TableLease } from '../../../src/platform/storage/table-lease.js';
import { uniquePrefix } from '../../support/test-bot.js';

const SETTING = (() => {
  const checked = checkSupervisionSetting({ weekOfQuarter: 2, weekday: 'tuesday', startTime: '10:00', createDaysAhead: 21 });
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
})();

/** A clock the test moves. */
function clock(iso: string) {
  let at = new Date(iso);
  return { now: () => at, set: (next: string) => void (at = new Date(next)) };
}

async function world(start: string) {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const time = clock(start);
  const leases = await openTable(clients, `${prefix}Leases`);
  const queueClient = clients.queue(`${prefix.toLowerCase()}-broadcast`);
  await queueClient.createIfNotExists();
  const mentors = new MentorRepository(await openTable(clients, `${prefix}Mentors`), { signal: async () => undefined }, time.now);
  const shared = {
    setting: SETTING,
    sessions: new SupervisionRepository(await openTable(clients, `${prefix}Supervision`)),
    mentors,
    broadcasts: new BroadcastRepository(await openTable(clients, `${prefix}Broadcasts`)),
    queue: new BroadcastQueue(queueClient),
    now: time.now,
  };
  const scheduler = (holder: string, leaseMs = 60_000): SupervisionDeps => ({ ...shared, lease: new TableLease(leases, 'supervisionScheduler', holder, leaseMs, time.now) });
  const addMentor = async (id: string, stage: MentorStage) => {
    await mentors.save({ value: { ...newMentor({ id, name: `Mentor ${id}` }, {}, time.now()), stage }, audit: [], effects: [] });
  };
  // One recipient a message ({b, r}) or several ({b, rs}): one entry a recipient either way.
  const queued = async () =>
    (await queueClient.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.flatMap((m) => {
      const text = JSON.parse(m.messageText) as { b: string; r?: string; rs?: string[] };
      return (text.rs ?? [text.r!]).map((r) => ({ b: text.b, r }));
    });
  return { time, shared, scheduler, addMentor, queued };
}

describe('the quarterly supervision scheduler, one at a time across instances (a lease in Tables on Azurite)', () => {
  it('lets exactly one of two concurrent schedulers run, creates the quarter once and invites each matched mentor once', async () => {
    // 28 December 2026: the Q1 2027 session (Tuesday 12 January) is due from 22 December, 21 days ahead.
    const w = await world('2026-12-28T09:00:00Z');
    for (const [id, stage] of [['m1', 'matched'], ['m2', 'active'], ['m3', 'trained'], ['m4', 'matched']] as const) await w.addMentor(id, stage);
    const [a, b] = [w.scheduler('instance-a'), w.scheduler('instance-b')];

    // Each instance runs its job in turn (never two at once in one process); the two instances run side by side.
    const serially = async (deps: SupervisionDeps, name: string) => {
      const results = [];
      for (let i = 0; i < 5; i += 1) results.push({ name, ...(await scheduleSupervision(deps)) });
      return results;
    };
    const runs = (await Promise.all([serially(a, 'a'), serially(b, 'b')])).flat();
    expect(new Set(runs.filter((run) => run.ran).map((run) => run.name)).size).toBe(1);
    expect(runs.flatMap((run) => run.created)).toEqual(['supervision-2027-Q1']);
    expect(runs.reduce((sum, run) => sum + run.invited, 0)).toBe(3);

    const session = await w.shared.sessions.get('supervision-2027-Q1');
    expect(session?.startsAt).toBe('2027-01-12T10:00:00.000Z');
    const invited = (await w.shared.broadcasts.recipients.list('supervision-2027-Q1')).map((r) => r.recipientId).sort();
    expect(invited).toEqual(['m1', 'm2', 'm4']);
    expect((await w.queued()).map((m) => m.r).sort()).toEqual(['m1', 'm2', 'm4']);
  });

  it('adds a mentor matched later in the quarter, and hands over when the holder stops renewing', async () => {
    const w = await world('2026-12-23T09:00:00Z');
    await w.addMentor('m1', 'matched');
    const [a, b] = [w.scheduler('instance-a', 10 * 60_000), w.scheduler('instance-b', 10 * 60_000)];
    expect((await scheduleSupervision(a)).invited).toBe(1);
    expect((await scheduleSupervision(b)).ran).toBe(false);

    await w.addMentor('m5', 'matched');
    w.time.set('2027-01-05T09:00:00Z'); // a's lease ran out long ago (a stopped); b takes over
    const later = await scheduleSupervision(b);
    expect(later).toMatchObject({ ran: true, created: [], invited: 1 });
    expect((await w.shared.broadcasts.recipients.list('supervision-2027-Q1')).map((r) => r.recipientId).sort()).toEqual(['m1', 'm5']);
    expect((await scheduleSupervision(a)).ran).toBe(false);
    expect((await scheduleSupervision(b)).invited).toBe(0);
  });

  it('catches up after being down on the day the session became due, and never creates a past quarter', async () => {
    const w = await world('2027-01-11T20:00:00Z'); // down since before 22 December; the session is tomorrow
    await w.addMentor('m1', 'active');
    expect(await scheduleSupervision(w.scheduler('instance-a'))).toMatchObject({ ran: true, created: ['supervision-2027-Q1'], invited: 1 });

    const late = await world('2027-01-12T11:00:00Z'); // it has started: too late to invite anyone
    await late.addMentor('m1', 'active');
    expect(await scheduleSupervision(late.scheduler('instance-a'))).toMatchObject({ ran: true, created: [], invited: 0 });
  });
});

describe('the lease itself', () => {
  it('goes to exactly one of eight instances racing for it, and to another only once it has run out', async () => {
    const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
    const table = await openTable(clients, `${uniquePrefix()}Leases`);
    const time = clock('2027-01-01T00:00:00Z');
    const leases = Array.from({ length: 8 }, (_, i) => new TableLease(table, 'job', `instance-${i}`, 30_000, time.now));
    const first = await Promise.all(leases.map((lease) => lease.acquire()));
    expect(first.filter(Boolean)).toHaveLength(1);
    const holder = first.indexOf(true);
    expect(await leases[holder]!.acquire()).toBe(true); // renewal
    time.set('2027-01-01T00:00:29Z');
    expect((await Promise.all(leases.map((lease, i) => (i === holder ? false : lease.acquire())))).filter(Boolean)).toHaveLength(0);
    time.set('2027-01-01T00:01:00Z');
    const second = await Promise.all(leases.map((lease, i) => (i === holder ? false : lease.acquire())));
    expect(second.filter(Boolean)).toHaveLength(1);
  });
});
