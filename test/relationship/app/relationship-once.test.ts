import { describe, expect, it } from 'vitest';
import { followUpRelationships } from '../../../src/relationship/app/follow-up-relationships.js';
import { logMeeting } from '../../../src/relationship/app/log-meeting.js';
import { raiseConcern, renotifyConcerns } from '../../../src/relationship/app/support.js';
import { OUTBOX_PREFIX } from '../../../src/platform/storage/outbox.js';
import { relationshipWorld } from '../../support/relationship-storage.js';

const MENTOR = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Alex Wilber' };

async function outboxIds(world: Awaited<ReturnType<typeof relationshipWorld>>): Promise<string[]> {
  const ids: string[] = [];
  for await (const entity of world.relationships.table.listEntities<{ rowKey: string }>()) {
    if (entity.rowKey.startsWith(OUTBOX_PREFIX)) ids.push(decodeURIComponent(entity.rowKey.slice(OUTBOX_PREFIX.length)));
  }
  return ids.sort();
}

describe('relationship decisions on many instances at once (Azurite)', () => {
  it('queues one nudge and one coordinator alert per month however many instances run the job together', async () => {
    const world = await relationshipWorld(new Date('2026-10-10T10:00:00Z'));
    await world.seedMatch(MENTOR, 'yp-1', 'match-1', '2026-10-01');
    const logged = await logMeeting(world.instance(), MENTOR, { logId: 'log-00000001', date: '2026-10-09', minutes: '40', mode: 'online', focus: 'Job search' });
    expect(logged.ok).toBe(true);

    world.setNow(new Date('2026-10-28T10:00:00Z'));
    const instances = Array.from({ length: 6 }, () => world.instance());
    await Promise.all(instances.map(followUpRelationships));
    await Promise.all(instances.map(followUpRelationships));
    const coordinator = 'c0000000-0000-4000-8000-000000000001';
    expect(await outboxIds(world)).toEqual(['match-1.checkin.week2.' + coordinator, 'match-1.nudge.2026-10']);

    world.setNow(new Date('2026-11-27T10:00:00Z'));
    await Promise.all(instances.map(followUpRelationships));
    world.setNow(new Date('2026-12-01T09:00:00Z'));
    await Promise.all(instances.map(followUpRelationships));
    await Promise.all(instances.map(followUpRelationships));
    expect(await outboxIds(world)).toEqual([
      `match-1.checkin.month2.${coordinator}`,
      `match-1.checkin.week2.${coordinator}`,
      `match-1.checkin.week4.${coordinator}`,
      'match-1.nudge.2026-10',
      'match-1.nudge.2026-11',
      `match-1.shortfall.2026-11.${coordinator}`,
    ]);
    const stored = (await world.relationships.get('match-1'))?.value;
    expect(stored).toMatchObject({ nudgedMonths: ['2026-10', '2026-11'], alertedMonths: ['2026-11'], checkIns: { prompted: ['week2', 'week4', 'month2'], logged: [] } });
  });

  it('writes a meeting submitted many times at once exactly once', async () => {
    const world = await relationshipWorld(new Date('2026-10-10T10:00:00Z'));
    await world.seedMatch(MENTOR, 'yp-1', 'match-1', '2026-10-01');
    const form = { logId: 'log-00000002', date: '2026-10-09', minutes: '40', mode: 'inPerson', focus: 'College visit', refreshmentAmount: '3.20', refreshmentPurpose: 'Tea' };
    const results = await Promise.all(Array.from({ length: 8 }, () => logMeeting(world.instance(), MENTOR, form)));
    const written = results.map((result) => (result.ok ? result.value.written : undefined));
    expect(written.filter((each) => each === true)).toHaveLength(1);
    expect(written.filter((each) => each === false)).toHaveLength(7);
    expect(await world.relationships.meetings('match-1')).toHaveLength(1);
    expect((await world.relationships.claimsForMonth('2026-10')).map((claim) => claim.value.amountPence)).toEqual([320]);
    // The month's running total moves with the meeting, in the same transaction: counted once.
    expect((await world.relationships.get('match-1'))?.value.minutesByMonth).toEqual({ '2026-10': 40 });
  });

  it('re-notifies an urgent concern once per interval across instances, and never a plain request for support', async () => {
    const world = await relationshipWorld(new Date('2026-10-10T10:00:00Z'));
    await world.seedMatch(MENTOR, 'yp-1', 'match-1', '2026-10-01');
    const deps = world.instance();
    expect((await raiseConcern(deps, MENTOR, { concernId: 'concern-0001', urgency: 'urgent safeguarding' })).ok).toBe(true);
    expect((await raiseConcern(deps, MENTOR, { concernId: 'concern-0002', urgency: 'support' })).ok).toBe(true);
    const instances = Array.from({ length: 5 }, () => world.instance());
    world.setNow(new Date('2026-10-10T10:05:00Z'));
    expect((await Promise.all(instances.map(renotifyConcerns))).reduce((a, b) => a + b, 0)).toBe(0);
    world.setNow(new Date('2026-10-10T10:16:00Z'));
    expect((await Promise.all(instances.map(renotifyConcerns))).reduce((a, b) => a + b, 0)).toBe(1);
    world.setNow(new Date('2026-10-10T10:40:00Z'));
    expect((await Promise.all(instances.map(renotifyConcerns))).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await deps.concerns.get('concern-0001'))?.value.notifiedCount).toBe(3);
    expect((await deps.concerns.get('concern-0002'))?.value.notifiedCount).toBe(1);
  });
});
