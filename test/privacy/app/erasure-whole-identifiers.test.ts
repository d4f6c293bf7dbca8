import { beforeAll, describe, expect, it } from 'vitest';
import { erasePerson } from '../../../src/privacy/app/erasure.js';
import { ERASED } from '../../../src/privacy/domain/index.js';
import type { StoredRow } from '../../../src/privacy/store/personal-tables.js';
import { youngPerson } from '../../matching/domain/fixtures.js';
import { COORDINATOR, DPO, privacyWorld, seedPair, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const SINCE = new Date('2025-01-06T10:00:00Z');
const content = (row: StoredRow) => JSON.stringify({ ...row, etag: undefined, timestamp: undefined });
/** Whether `word` stands in the row as a whole (not inside a longer reference, id or name). */
const names = (row: StoredRow, word: string) => new RegExp(`(?<![A-Za-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(JSON.stringify(row));

/**
 * Erasure finds a person by their whole identifiers: erasing case reference LC-1 leaves LC-10 and LC-11 as they were,
 * and erasing "Mentor Number1" leaves "Mentor Number16" (a name that begins with theirs) as it was.
 */
describe('erasure matches whole identifiers, never a part of another', () => {
  let world: PrivacyWorld;
  let one: SeededPair;
  let sixteen: SeededPair;
  const youngPeople = [
    { id: 'b1000000-0000-4000-8000-000000000001', reference: 'LC-1' },
    { id: 'b1000000-0000-4000-8000-000000000010', reference: 'LC-10' },
    { id: 'b1000000-0000-4000-8000-000000000011', reference: 'LC-11' },
  ];

  beforeAll(async () => {
    world = await privacyWorld(SINCE);
    for (const { id, reference } of youngPeople) {
      await world.youngPeople.commit({
        youngPersonId: id,
        youngPerson: { value: youngPerson({ id, reference, status: 'closed', createdAt: SINCE.toISOString(), updatedAt: SINCE.toISOString() }) },
        audit: [{ at: SINCE.toISOString(), actor: COORDINATOR, action: 'addYoungPerson', subjectId: id, detail: `reference ${reference}` }],
        effects: [],
      });
    }
    one = await seedPair(world, 1, { months: 2, since: SINCE, endedOn: '2025-06-30' });
    sixteen = await seedPair(world, 16, { months: 2, since: SINCE, endedOn: '2025-06-30' });
    world.setNow(new Date('2026-12-01T10:00:00Z'));
  });

  it('erasing LC-1 changes no row of LC-10 or LC-11', async () => {
    const before = await world.allRows();
    const others = [...before].filter(([, row]) => names(row, 'LC-10') || names(row, 'LC-11'));
    expect(others.length).toBeGreaterThanOrEqual(4);
    const erased = await erasePerson(world.deps, DPO, { kind: 'youngPerson', reference: 'LC-1' });
    expect(erased.ok).toBe(true);
    const after = await world.allRows();
    for (const [key, row] of others) expect(after.has(key) ? content(after.get(key)!) : `${key} gone`).toBe(content(row));
    expect([...after.values()].filter((row) => names(row, 'LC-1'))).toEqual([]);
    expect(after.has(`YoungPeople|${youngPeople[0]!.id}|youngPerson`)).toBe(false);
  });

  it('erasing "Mentor Number1" changes no row that names "Mentor Number16"', async () => {
    const before = await world.allRows();
    const others = [...before].filter(([key, row]) => names(row, sixteen.mentor.name) && !key.startsWith(`Relationships|${one.matchId}|`));
    expect(others.length).toBeGreaterThanOrEqual(5);
    const erased = await erasePerson(world.deps, DPO, { kind: 'mentor', personId: one.mentor.id });
    expect(erased.ok).toBe(true);
    const after = await world.allRows();
    for (const [key, row] of others) expect(after.has(key) ? content(after.get(key)!) : `${key} gone`).toBe(content(row));
    expect([...after.values()].filter((row) => names(row, one.mentor.name) || names(row, one.mentor.id))).toEqual([]);
    expect(JSON.stringify([...after.values()])).not.toContain(`${ERASED}6`);
  });
});
