import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { odata } from '@azure/data-tables';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { acceptMatch } from '../../../src/matching/app/respond-to-match.js';
import { putMentors, recordChoice } from '../../../src/matching/app/suggest-mentors.js';
import { addYoungPerson, changeStatus, listYoungPeople } from '../../../src/matching/app/young-people.js';
import { newMentor, type Mentor } from '../../../src/journey/domain/index.js';
import { CLEARED_DBS, NOW, profile } from '../domain/fixtures.js';
import { matchingWorld, MATCHING_COORDINATOR } from '../../support/matching-storage.js';

const COORDINATOR = MATCHING_COORDINATOR;

async function setUp() {
  let clock = NOW.getTime();
  // Moves a millisecond on each read, as a real clock would: proposal ids carry the time.
  const now = () => new Date((clock += 1));
  const { deps, youngPeopleTable, accessTable } = await matchingWorld(now, () => randomUUID());
  const matchRows = async (): Promise<number> => {
    let count = 0;
    for await (const _ of youngPeopleTable.listEntities({ queryOptions: { filter: odata`RowKey ge ${'match|'} and RowKey lt ${'match}'}` } })) count += 1;
    return count;
  };
  return { deps, matchRows, accessTable, youngPeopleTable };
}

async function readyMentor(deps: MatchingDeps, id: string): Promise<void> {
  const mentor: Mentor = { ...newMentor({ id, name: `Mentor ${id}` }, {}, NOW), stage: 'profileComplete' };
  await deps.journey.mentors.save({ value: mentor, audit: [], effects: [] });
  await deps.records.save({ value: { mentorId: id, profile: profile(), dbs: { ...CLEARED_DBS }, activeMatches: [], conflicts: [] }, audit: [], effects: [] });
}

const FORM = {
  reference: 'LC-1001',
  firstName: 'Robin',
  dateOfBirth: '2006-06-15',
  gender: 'female',
  homeArea: 'north',
  interests: 'football',
  availability: 'weekdayEvening',
  keyAdultRole: 'personalAdviser',
  keyAdultName: 'Sam Patel',
  keyAdultContact: '01709 123456',
};

async function youngPersonChoosing(deps: MatchingDeps, mentorId: string, existingId?: string): Promise<{ youngPersonId: string; proposalId: string }> {
  let youngPersonId = existingId;
  if (!youngPersonId) {
    const added = await addYoungPerson(deps, COORDINATOR, FORM);
    if (!added.ok) throw new Error(added.error.message);
    youngPersonId = added.value.id;
  }
  const put = await putMentors(deps, COORDINATOR, youngPersonId, [mentorId]);
  if (!put.ok) throw new Error(put.error.message);
  const chosen = await recordChoice(deps, COORDINATOR, youngPersonId, put.value.proposal.id, { choose: mentorId });
  if (!chosen.ok) throw new Error(chosen.error.message);
  return { youngPersonId, proposalId: put.value.proposal.id };
}

describe('a match starts once, on Azurite', () => {
  it('five simultaneous acceptances of one proposal make one match', async () => {
    const { deps, matchRows } = await setUp();
    await readyMentor(deps, 'm1');
    const { youngPersonId, proposalId } = await youngPersonChoosing(deps, 'm1');
    const results = await Promise.all(Array.from({ length: 5 }, () => acceptMatch(deps, { id: 'm1', name: 'Mentor m1' }, youngPersonId, proposalId)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await matchRows()).toBe(1);
    expect((await deps.records.get('m1'))?.value.activeMatches).toHaveLength(1);
    expect((await deps.journey.mentors.get('m1'))?.value.stage).toBe('matched');
    expect((await deps.youngPeople.get(youngPersonId, { reader: COORDINATOR, purpose: 'view' }))?.value.status).toBe('matched');
  });

  it('two mentors accepting one young person at once: one match, and the other mentor holds nothing', async () => {
    const { deps, matchRows } = await setUp();
    await readyMentor(deps, 'm1');
    await readyMentor(deps, 'm2');
    const first = await youngPersonChoosing(deps, 'm1');
    const second = await youngPersonChoosing(deps, 'm2', first.youngPersonId);
    const results = await Promise.all([
      acceptMatch(deps, { id: 'm1', name: 'Mentor m1' }, first.youngPersonId, first.proposalId),
      acceptMatch(deps, { id: 'm2', name: 'Mentor m2' }, second.youngPersonId, second.proposalId),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('YOUNG_PERSON_ALREADY_MATCHED');
    expect(await matchRows()).toBe(1);
    const held = [(await deps.records.get('m1'))!.value.activeMatches.length, (await deps.records.get('m2'))!.value.activeMatches.length];
    expect(held.sort()).toEqual([0, 1]);
    const stages = [(await deps.journey.mentors.get('m1'))!.value.stage, (await deps.journey.mentors.get('m2'))!.value.stage];
    expect(stages.sort()).toEqual(['matched', 'profileComplete']);
  });

  it('one mentor accepting two young people at once: one match, the other young person still waits', async () => {
    const { deps, matchRows } = await setUp();
    await readyMentor(deps, 'm1');
    const a = await youngPersonChoosing(deps, 'm1');
    const b = await youngPersonChoosing(deps, 'm1');
    const mentor = { id: 'm1', name: 'Mentor m1' };
    const results = await Promise.all([acceptMatch(deps, mentor, a.youngPersonId, a.proposalId), acceptMatch(deps, mentor, b.youngPersonId, b.proposalId)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('MATCH_NOT_ALLOWED');
    expect(await matchRows()).toBe(1);
    expect((await deps.records.get('m1'))?.value.activeMatches).toHaveLength(1);
    const statuses = await Promise.all([a, b].map(async (each) => (await deps.youngPeople.get(each.youngPersonId, { reader: COORDINATOR, purpose: 'view' }))?.value.status));
    expect(statuses.sort()).toEqual(['matched', 'waiting']);
  });

  it('logs each read of a record with who, when, which record and why, and none of its contents', async () => {
    const { deps, accessTable } = await setUp();
    const added = await addYoungPerson(deps, COORDINATOR, FORM);
    if (!added.ok) throw new Error(added.error.message);
    await deps.youngPeople.get(added.value.id, { reader: COORDINATOR, purpose: 'view' });
    await deps.youngPeople.list({ reader: COORDINATOR, purpose: 'list' });
    const rows: Array<Record<string, unknown>> = [];
    for await (const row of accessTable.listEntities()) rows.push(row);
    expect(rows.map((row) => [row.readerId, row.youngPersonId, row.purpose])).toEqual([
      [COORDINATOR.id, added.value.id, 'view'],
      [COORDINATOR.id, added.value.id, 'list'],
    ]);
    expect(rows.every((row) => typeof row.at === 'string' && Date.parse(row.at as string) > NOW.getTime())).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Robin|LC-1001|2006-06-15|Sam Patel/);
  });

  it('lists only the records it shows, so a closed record is not read when listing', async () => {
    const { deps, accessTable } = await setUp();
    const open = await addYoungPerson(deps, COORDINATOR, FORM);
    const closed = await addYoungPerson(deps, COORDINATOR, { ...FORM, reference: 'LC-1002' });
    if (!open.ok || !closed.ok) throw new Error('not added');
    expect((await changeStatus(deps, COORDINATOR, closed.value.id, 'close')).ok).toBe(true);
    const listed = await listYoungPeople(deps, COORDINATOR);
    expect(listed.ok && listed.value.map((each) => each.id)).toEqual([open.value.id]);
    const reads: Array<Record<string, unknown>> = [];
    for await (const row of accessTable.listEntities()) reads.push(row);
    expect(reads.filter((row) => row.purpose === 'list').map((row) => row.youngPersonId)).toEqual([open.value.id]);
    expect(await listYoungPeople(deps, { id: 'someone', name: 'Someone' })).toMatchObject({ ok: false, error: { code: 'NOT_COORDINATOR' } });
  });

  it('reports a damaged stored record by field only, never quoting what it holds', async () => {
    const { deps, youngPeopleTable } = await setUp();
    const added = await addYoungPerson(deps, COORDINATOR, FORM);
    if (!added.ok) throw new Error(added.error.message);
    const damaged = { ...added.value, gender: 'Robin-LC-1001' };
    await youngPeopleTable.updateEntity({ partitionKey: added.value.id, rowKey: 'youngPerson', data: JSON.stringify(damaged) }, 'Merge');
    const error = await deps.youngPeople.get(added.value.id, { reader: COORDINATOR, purpose: 'view' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('gender');
    expect((error as Error).message).not.toContain('Robin');
  });

  it('refuses bad young person details and stores nothing', async () => {
    const { deps } = await setUp();
    for (const bad of [{ dateOfBirth: '2031-01-01' }, { dateOfBirth: '1990-01-01' }, { interests: 'knitting' }, { keyAdultName: 'x'.repeat(81) }]) {
      const result = await addYoungPerson(deps, COORDINATOR, { ...FORM, ...bad });
      expect(result.ok).toBe(false);
    }
    expect(await deps.youngPeople.countByStatus()).toEqual({ waiting: 0, paused: 0, matched: 0, closed: 0 });
  });
});
