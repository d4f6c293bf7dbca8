import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAudience } from '../../../src/broadcast/app/resolve-audience.js';
import { newMentor } from '../../../src/journey/domain/index.js';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { suggestMentors } from '../../../src/matching/app/suggest-mentors.js';
import { changeStatus, listYoungPeople, viewYoungPerson } from '../../../src/matching/app/young-people.js';
import { DEFAULT_AREAS, DEFAULT_MATCHING_POLICY } from '../../../src/matching/domain/index.js';
import { MentorMatchingRepository } from '../../../src/matching/store/mentor-matching.repository.js';
import { restrictionList } from '../../../src/privacy/app/restriction-list.js';
import { liftRestriction, listRestrictions, restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { followUpRelationships } from '../../../src/relationship/app/follow-up-relationships.js';
import { CLEARED_DBS, profile, youngPerson } from '../../matching/domain/fixtures.js';
import { COORDINATOR, DPO, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const KEPT = { id: 'a1000000-0000-4000-8000-000000000001', name: 'Kept Mentor' };
const HIDDEN = { id: 'a2000000-0000-4000-8000-000000000002', name: 'Hidden Mentor' };

describe('a restricted person is left out of every list, matching and broadcasts, and every action on them is refused', () => {
  let world: PrivacyWorld;
  let matching: MatchingDeps;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    const records = new MentorMatchingRepository(world.tables.matching, { signal: async () => undefined }, world.now);
    for (const mentor of [KEPT, HIDDEN]) {
      world.people.set(mentor.id, mentor);
      await world.mentors.save({ value: { ...newMentor(mentor, {}, NOW), stage: 'profileComplete', details: { role: 'seniorManager', directorateOrWard: 'Place', jobTitle: 'Head', worksInChildrensServices: false, motivation: 'To help' } }, audit: [], effects: [] });
      await records.save({ value: { mentorId: mentor.id, profile: profile(), dbs: CLEARED_DBS, activeMatches: [], conflicts: [] }, audit: [], effects: [] });
    }
    for (const [id, reference] of [['yp-kept', 'LC-1'], ['yp-hidden', 'LC-2']] as const) {
      await world.youngPeople.commit({ youngPersonId: id, youngPerson: { value: youngPerson({ id, reference }) }, audit: [], effects: [] });
    }
    matching = {
      journey: { mentors: world.mentors, directory: world.deps.directory, roles: world.deps.schemeRoles, clock: world.deps.clock, restricted: restrictionList(world.store) },
      records,
      youngPeople: world.youngPeople,
      policy: DEFAULT_MATCHING_POLICY,
      contacts: {},
      areas: DEFAULT_AREAS,
      newId: () => 'new-id',
    };
  });

  const audience = () =>
    resolveAudience(
      { mentors: world.mentors, directory: world.deps.directory, groups: { members: async function* () {} }, eligibleGroupIds: [], restricted: restrictionList(world.store) },
      { eligible: false, groups: ['trainedNotMatched'], people: [HIDDEN.id] },
    );

  it('before: both mentors are suggested and reached, both young people listed', async () => {
    const ranked = await suggestMentors(matching, COORDINATOR, 'yp-kept');
    expect(ranked.ok && ranked.value.ranking.suggestions.map((each) => each.mentorId).sort()).toEqual([KEPT.id, HIDDEN.id].sort());
    const listed = await listYoungPeople(matching, COORDINATOR);
    expect(listed.ok && listed.value.map((each) => each.id).sort()).toEqual(['yp-hidden', 'yp-kept']);
    const reached = await audience();
    expect(reached.ok && reached.value.recipients.sort()).toEqual([KEPT.id, HIDDEN.id].sort());
  });

  it('only the DPO restricts and sees the restricted; the coordinators are refused', async () => {
    const refused = await restrictPerson(world.deps, COORDINATOR, { kind: 'mentor', personId: HIDDEN.id }, 'Contests accuracy');
    expect(refused.ok ? 'restricted' : refused.error.code).toBe('NOT_DPO');
    expect((await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: HIDDEN.id }, '')).ok).toBe(false);
    expect((await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: HIDDEN.id }, 'Contests the accuracy of their record')).ok).toBe(true);
    expect((await restrictPerson(world.deps, DPO, { kind: 'youngPerson', reference: 'LC-2' }, 'Objects to processing')).ok).toBe(true);
    const seen = await listRestrictions(world.deps, DPO);
    expect(seen.ok && seen.value.map((each) => each.personId).sort()).toEqual([HIDDEN.id, 'yp-hidden'].sort());
    const notSeen = await listRestrictions(world.deps, COORDINATOR);
    expect(notSeen.ok ? 'seen' : notSeen.error.code).toBe('NOT_DPO');
  });

  it('after: the mentor is neither suggested nor ruled out, nor sent a broadcast; the young person is not listed, and any action is refused', async () => {
    const ranked = await suggestMentors(matching, COORDINATOR, 'yp-kept');
    if (!ranked.ok) throw new Error(ranked.error.message);
    expect(ranked.value.ranking.suggestions.map((each) => each.mentorId)).toEqual([KEPT.id]);
    expect(ranked.value.ranking.excluded.map((each) => each.mentorId)).not.toContain(HIDDEN.id);
    const reached = await audience();
    expect(reached.ok && reached.value.recipients).toEqual([KEPT.id]);
    const listed = await listYoungPeople(matching, COORDINATOR);
    expect(listed.ok && listed.value.map((each) => each.id)).toEqual(['yp-kept']);
    for (const refused of [await viewYoungPerson(matching, COORDINATOR, 'yp-hidden'), await suggestMentors(matching, COORDINATOR, 'yp-hidden'), await changeStatus(matching, COORDINATOR, 'yp-hidden', 'pause')]) {
      expect(refused.ok ? 'allowed' : refused.error.message).toMatch(/^This person's records are restricted at their request/);
    }
    const rows = [...(await world.allRows()).values()];
    expect(rows.filter((row) => row.partitionKey === 'restrictions' && row.rowKey.startsWith('audit|')).map((row) => `${row.action} by ${row.actorName}`)).toEqual(['restricted by Dana Officer', 'restricted by Dana Officer']);
  });

  it('a restricted match gets no nudges, alerts or reviews', async () => {
    let listed = 0;
    const report = await followUpRelationships({
      journey: { restricted: restrictionList(world.store) },
      matches: { list: async () => [{ id: 'm1', mentorId: HIDDEN.id, youngPersonId: 'yp-kept', startedOn: '2025-01-01', status: 'active' as const }], get: async () => undefined, forMentor: async () => [] },
      relationships: { list: async () => { listed += 1; return []; } },
    } as unknown as Parameters<typeof followUpRelationships>[0]);
    expect(report).toEqual({ nudges: 0, alerts: 0, reviews: 0, ended: 0, settled: 0 });
    expect(listed).toBe(1);
  });

  it('lifted: back in the lists and in matching', async () => {
    expect((await liftRestriction(world.deps, DPO, HIDDEN.id)).ok).toBe(true);
    const ranked = await suggestMentors(matching, COORDINATOR, 'yp-kept');
    expect(ranked.ok && ranked.value.ranking.suggestions.map((each) => each.mentorId).sort()).toEqual([KEPT.id, HIDDEN.id].sort());
  });
});
