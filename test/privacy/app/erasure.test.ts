import type { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { erasePerson, resumeErasures } from '../../../src/privacy/app/erasure.js';
import { boardFigures } from '../../../src/privacy/app/retention-run.js';
import { ERASED } from '../../../src/privacy/domain/index.js';
import type { PersonalTables, StoredRow } from '../../../src/privacy/store/personal-tables.js';
import { COORDINATOR, DPO, SOMEONE_ELSE, mentions, privacyWorld, seedPairs, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const SINCE = new Date('2025-01-06T10:00:00Z');

/** The same tables, but every write after the first `writes` fails as if the process had died there. */
function dyingAfter(tables: PersonalTables, writes: number): PersonalTables {
  let done = 0;
  const dying = (table: TableClient): TableClient =>
    new Proxy(table, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (!['deleteEntity', 'updateEntity', 'submitTransaction', 'upsertEntity'].includes(String(property))) return value.bind(target);
        return (...args: unknown[]) => {
          done += 1;
          if (done > writes) throw new Error('process killed');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return Object.fromEntries(Object.entries(tables).map(([key, table]) => [key, dying(table)])) as unknown as PersonalTables;
}

const content = (row: StoredRow) => JSON.stringify({ ...row, etag: undefined, timestamp: undefined });

describe('an erasure killed midway and run again leaves nothing about the person and everything about everyone else', () => {
  let world: PrivacyWorld;
  let pairs: SeededPair[];

  beforeAll(async () => {
    world = await privacyWorld(SINCE);
    pairs = await seedPairs(world, 3, (index) => ({ months: 3, since: SINCE, endedOn: index === 3 ? undefined : '2025-06-30' }));
    world.setNow(new Date('2026-12-01T10:00:00Z'));
  });

  it('only the DPO may erase; an active match must end first', async () => {
    for (const actor of [COORDINATOR, SOMEONE_ELSE]) {
      const refused = await erasePerson(world.deps, actor, { kind: 'mentor', personId: pairs[0]!.mentor.id });
      expect(refused.ok ? 'erased' : refused.error.code).toBe('NOT_DPO');
    }
    const matched = await erasePerson(world.deps, DPO, { kind: 'mentor', personId: pairs[2]!.mentor.id });
    expect(matched.ok ? 'erased' : matched.error.code).toBe('ACTIVE_MATCH');
    expect(await world.store.tombstones()).toEqual([]);
  });

  it('a mentor: killed after 12 writes, resumed by the daily job', async () => {
    const subject = pairs[0]!;
    const words = [subject.mentor.id, subject.mentor.name];
    const figures = await boardFigures(world.deps, COORDINATOR);
    const before = await world.allRows();
    await expect(erasePerson(world.withTables(dyingAfter(world.tables, 12)), DPO, { kind: 'mentor', personId: subject.mentor.id })).rejects.toThrow('process killed');
    const midway = await world.allRows();
    expect([...midway.values()].filter((row) => mentions(row, words)).length).toBeGreaterThan(1);
    expect((await world.store.unfinishedErasures()).map((each) => each.value.pending?.subjectId)).toEqual([subject.mentor.id]);

    expect(await resumeErasures(world.deps)).toBe(1);
    const after = await world.allRows();
    expect([...after.entries()].filter(([, row]) => mentions(row, words)).map(([key]) => key)).toEqual([]);
    // Everything that did not name them, outside their match, is exactly as it was.
    for (const [key, row] of before) {
      if (mentions(row, words) || key.startsWith(`Relationships|${subject.matchId}|`)) continue;
      expect(after.has(key) ? content(after.get(key)!) : `${key} gone`).toBe(content(row));
    }
    // The young person's match row stays, without the mentor's id.
    const match = after.get(`YoungPeople|${subject.youngPersonId}|match|${subject.matchId}`);
    expect(String(match?.data)).toContain(`"mentorId":"${ERASED}"`);
    const again = await boardFigures(world.deps, COORDINATOR);
    expect(again.ok && [...again.value].sort()).toEqual(figures.ok && [...figures.value].sort());
    const [tombstone] = await world.store.tombstones();
    expect(tombstone).toMatchObject({ kind: 'mentor', requestedBy: DPO, finishedAt: '2026-12-01T10:00:00.000Z' });
    expect(tombstone?.pending).toBeUndefined();
    expect(await resumeErasures(world.deps)).toBe(0);
  });

  it("a young person: their record goes; every read of it stays, without whose record it was; audited", async () => {
    const subject = pairs[1]!;
    const words = [subject.youngPersonId, subject.reference, subject.firstName];
    const before = await world.allRows();
    const reads = [...before.values()].filter((row) => row.youngPersonId === subject.youngPersonId).length;
    const erased = await erasePerson(world.deps, DPO, { kind: 'youngPerson', reference: subject.reference });
    expect(erased.ok).toBe(true);
    const after = await world.allRows();
    expect([...after.entries()].filter(([, row]) => mentions(row, words)).map(([key]) => key)).toEqual([]);
    // The lookup by reference and the erasure's own read are reads too: logged, then stripped like the others.
    expect([...after.values()].filter((row) => row.partitionKey.match(/^\d{4}-\d{2}-\d{2}$/) && row.youngPersonId === ERASED).length).toBeGreaterThanOrEqual(reads);
    for (const [key, row] of before) {
      if (mentions(row, words) || key.startsWith(`Relationships|${subject.matchId}|`) || key.startsWith('SupportConcerns|k-2|')) continue;
      expect(after.has(key) ? content(after.get(key)!) : `${key} gone`).toBe(content(row));
    }
    const audit = [...after.values()].filter((row) => row.partitionKey === 'erasures' && row.rowKey.startsWith('audit|')).map((row) => `${row.action} by ${row.actorName}`);
    expect(audit.sort()).toEqual(['erasureFinished by Dana Officer', 'erasureFinished by Dana Officer', 'erasureStarted by Dana Officer', 'erasureStarted by Dana Officer']);
  });
});
