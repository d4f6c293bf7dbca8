import { beforeAll, describe, expect, it } from 'vitest';
import type { RestrictedPeople } from '../../../src/platform/app/restricted-people.js';
import { restrictedRefusal } from '../../../src/platform/app/restricted-people.js';
import { CachedRestrictionList, RESTRICTIONS_FRESH_MS } from '../../../src/privacy/app/cached-restriction-list.js';
import { restrictionList } from '../../../src/privacy/app/restriction-list.js';
import { liftRestriction, restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { PrivacyRepository } from '../../../src/privacy/store/privacy.repository.js';
import { DPO, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const MENTOR = { id: 'A3000000-0000-4000-8000-000000000003', name: 'Asked Mentor' };

/** The stored list, counting how often it is read. */
function counted(source: RestrictedPeople): RestrictedPeople & { reads: number } {
  const counter = { reads: 0, restrictedIds: () => ((counter.reads += 1), source.restrictedIds()) };
  return counter;
}

/** One instance of the bot as shared-privacy.ts wires it: its own store on the shared table, its own cached list and clock. */
function instance(world: PrivacyWorld, store: PrivacyRepository) {
  let ms = 0;
  const source = counted(restrictionList(store));
  const list = new CachedRestrictionList(source, RESTRICTIONS_FRESH_MS, () => ms);
  store.onRestrictionSaved(() => list.forget());
  return { list, source, pass: (byMs: number) => void (ms += byMs), deps: { ...world.deps, store } };
}

describe('the restricted list, read once per RESTRICTIONS_FRESH_MS, on this instance and another one', () => {
  let world: PrivacyWorld;
  let here: ReturnType<typeof instance>;
  let there: ReturnType<typeof instance>;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    world.people.set(MENTOR.id, MENTOR);
    here = instance(world, world.store);
    there = instance(world, new PrivacyRepository(world.tables.privacy, { signal: async () => undefined }, world.now));
  });

  it('many questions inside the time are answered by one read, and the questions asked at once share it', async () => {
    const answers = await Promise.all([here.list.restrictedIds(), here.list.restrictedIds(), here.list.restrictedIds()]);
    here.pass(RESTRICTIONS_FRESH_MS - 1);
    answers.push(await here.list.restrictedIds());
    expect(answers.every((ids) => ids.size === 0)).toBe(true);
    expect(here.source.reads).toBe(1);
    await there.list.restrictedIds();
    expect(there.source.reads).toBe(1);
  });

  it('a restriction made on this instance applies here at once, with no time passing', async () => {
    const made = await restrictPerson(here.deps, DPO, { kind: 'mentor', personId: MENTOR.id }, 'contests the record');
    expect(made.ok).toBe(true);
    expect(await restrictedRefusal(here.list, MENTOR.id)).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect(here.source.reads).toBe(2);
  });

  it('on another instance it applies once its read is RESTRICTIONS_FRESH_MS old, not before', async () => {
    expect(await restrictedRefusal(there.list, MENTOR.id)).toBeUndefined();
    there.pass(RESTRICTIONS_FRESH_MS - 1);
    expect(await restrictedRefusal(there.list, MENTOR.id)).toBeUndefined();
    there.pass(1);
    expect(await restrictedRefusal(there.list, MENTOR.id)).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect(there.source.reads).toBe(2);
  });

  it('a lift made on the other instance applies there at once, and here within the time (restricted until then)', async () => {
    const lifted = await liftRestriction(there.deps, DPO, MENTOR.id.toLowerCase());
    expect(lifted.ok).toBe(true);
    expect(await restrictedRefusal(there.list, MENTOR.id)).toBeUndefined();
    expect(await restrictedRefusal(here.list, MENTOR.id)).toMatchObject({ ok: false });
    here.pass(RESTRICTIONS_FRESH_MS);
    expect(await restrictedRefusal(here.list, MENTOR.id)).toBeUndefined();
  });
});

describe('a change made here while a read is on its way', () => {
  it('the read that began before it is not kept, and the next question reads again', async () => {
    const stored = new Set<string>();
    const pending: Array<() => void> = [];
    let reads = 0;
    const source: RestrictedPeople = {
      restrictedIds: () => {
        reads += 1;
        const snapshot = new Set(stored);
        return new Promise((resolve) => pending.push(() => resolve(snapshot)));
      },
    };
    const list = new CachedRestrictionList(source, RESTRICTIONS_FRESH_MS, () => 0);
    const early = list.restrictedIds();
    stored.add('someone');
    list.forget();
    const late = list.restrictedIds();
    pending.forEach((resolve) => resolve());
    expect((await early).has('someone')).toBe(false);
    expect((await late).has('someone')).toBe(true);
    expect((await list.restrictedIds()).has('someone')).toBe(true);
    expect(reads).toBe(2);
  });

  it('a read that fails is not kept: the next question reads again', async () => {
    let reads = 0;
    const list = new CachedRestrictionList({ restrictedIds: async () => (++reads === 1 ? Promise.reject(new Error('storage unreachable')) : new Set(['x'])) }, RESTRICTIONS_FRESH_MS, () => 0);
    await expect(list.restrictedIds()).rejects.toThrow('storage unreachable');
    expect((await list.restrictedIds()).has('x')).toBe(true);
  });
});
