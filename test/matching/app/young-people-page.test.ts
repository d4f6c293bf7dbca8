import { describe, expect, it } from 'vitest';
import { youngPeoplePage } from '../../../src/matching/app/young-people.js';
import { NOW, youngPerson } from '../domain/fixtures.js';
import { matchingWorld, MATCHING_COORDINATOR } from '../../support/matching-storage.js';

const COORDINATOR = MATCHING_COORDINATOR;
const MENTOR = { id: 'mentor-1', name: 'Alex' };

async function setUp() {
  const { deps, accessTable } = await matchingWorld(() => NOW, () => 'unused');
  const logged = async (): Promise<string[]> => {
    const ids: string[] = [];
    for await (const row of accessTable.listEntities<{ youngPersonId: string; purpose: string }>()) if (row.purpose === 'list') ids.push(row.youngPersonId);
    return ids;
  };
  return { deps, logged };
}

const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('a page of young people', () => {
  it('reads and logs only the page shown, waiting first and longest waiting first, and never a closed record', async () => {
    const { deps, logged } = await setUp();
    // 30 waiting (yp-00 waited longest), 2 matched, 1 closed.
    const people = [
      ...Array.from({ length: 30 }, (_, index) => youngPerson({ id: `yp-${String(index).padStart(2, '0')}`, reference: `LC-${index}`, status: 'waiting', updatedAt: daysAgo(100 - index) })),
      youngPerson({ id: 'yp-matched-1', reference: 'LC-M1', status: 'matched', updatedAt: daysAgo(300) }),
      youngPerson({ id: 'yp-matched-2', reference: 'LC-M2', status: 'matched', updatedAt: daysAgo(200) }),
      youngPerson({ id: 'yp-closed', reference: 'LC-C', status: 'closed', updatedAt: daysAgo(400) }),
    ];
    await Promise.all(people.map((value) => deps.youngPeople.commit({ youngPersonId: value.id, youngPerson: { value }, audit: [], effects: [] })));

    const first = await youngPeoplePage(deps, COORDINATOR, 0, 25);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ page: 0, pages: 2, total: 32 });
    const firstIds = first.value.youngPeople.map((each) => each.id);
    expect(firstIds).toEqual(Array.from({ length: 25 }, (_, index) => `yp-${String(index).padStart(2, '0')}`));
    expect((await logged()).sort()).toEqual([...firstIds].sort());

    const second = await youngPeoplePage(deps, COORDINATOR, 1, 25);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.youngPeople.map((each) => each.id)).toEqual(['yp-25', 'yp-26', 'yp-27', 'yp-28', 'yp-29', 'yp-matched-1', 'yp-matched-2']);
    const all = await logged();
    expect(all).toHaveLength(32);
    expect(all).not.toContain('yp-closed');

    // A page past the end is the last page; a mentor is refused and nothing is read.
    const past = await youngPeoplePage(deps, COORDINATOR, 9, 25);
    expect(past.ok && past.value.page).toBe(1);
    const refused = await youngPeoplePage(deps, MENTOR, 0, 25);
    expect(refused.ok).toBe(false);
    expect(await logged()).toHaveLength(39);
  });

  it('searches by first name, initials or reference across every page, reads and logs only the matches on the page shown, never a closed one', async () => {
    const { deps, logged } = await setUp();
    // 40 Jays, with a Robin Ng among them at position 30 (past the first page), and a closed Robin.
    const people = [
      ...Array.from({ length: 40 }, (_, index) => youngPerson({ id: `yp-${index}`, reference: `LC-${1000 + index}`, firstName: index === 30 ? 'Robin Ng' : 'Jay', status: 'waiting', updatedAt: daysAgo(100 - index) })),
      youngPerson({ id: 'yp-closed', reference: 'LC-9999', firstName: 'Robin', status: 'closed', updatedAt: daysAgo(10) }),
    ];
    await Promise.all(people.map((value) => deps.youngPeople.commit({ youngPersonId: value.id, youngPerson: { value }, audit: [], effects: [] })));
    const search = async (text: string, page = 0) => {
      const found = await youngPeoplePage(deps, COORDINATOR, page, 25, text);
      if (!found.ok) throw new Error(found.error.message);
      return found.value;
    };

    for (const text of ['robin', 'ROB', 'ng', 'R.N.', 'rn', 'LC-1030', '1030']) expect((await search(text)).youngPeople.map((each) => each.id), text).toEqual(['yp-30']);
    expect(await logged()).toEqual(Array(7).fill('yp-30'));
    const jays = await search('jay', 1);
    expect(jays).toMatchObject({ page: 1, pages: 2, total: 39 });
    expect(jays.youngPeople.map((each) => each.id)).toEqual(Array.from({ length: 14 }, (_, index) => `yp-${index + 25 + (index + 25 >= 30 ? 1 : 0)}`));
    expect(await logged()).toHaveLength(7 + 14);
    expect((await search('nobody')).total).toBe(0);
    const refused = await youngPeoplePage(deps, COORDINATOR, 0, 25, 'a'.repeat(41));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('SEARCH_INVALID');
    expect(await logged()).toHaveLength(7 + 14);
  });
});
