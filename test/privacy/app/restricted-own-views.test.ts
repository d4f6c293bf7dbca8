import { beforeAll, describe, expect, it } from 'vitest';
import type { JourneyDeps } from '../../../src/journey/app/journey-deps.js';
import { newMentor } from '../../../src/journey/domain/index.js';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { myProfile } from '../../../src/matching/app/profile.js';
import { DEFAULT_AREAS, DEFAULT_MATCHING_POLICY } from '../../../src/matching/domain/index.js';
import { MentorMatchingRepository } from '../../../src/matching/store/mentor-matching.repository.js';
import type { PersonRef } from '../../../src/platform/kernel/person.js';
import { restrictionList } from '../../../src/privacy/app/restriction-list.js';
import { restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { COORDINATOR, DPO, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const MENTOR: PersonRef = { id: 'a0000081-0000-4000-8000-000000000081', name: 'Restricted Reader' };

/** A person can always see their own data (UK GDPR Art. 15): restriction leaves a mentor's own profile view as it was. */
describe("a restricted mentor's own views", () => {
  let world: PrivacyWorld;
  let matching: MatchingDeps;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    world.people.set(MENTOR.id, MENTOR);
    await world.mentors.save({ value: { ...newMentor(MENTOR, {}, NOW), stage: 'trained' }, audit: [], effects: [] });
    const records = new MentorMatchingRepository(world.tables.matching, { signal: async () => undefined }, world.now);
    await records.save({ value: { mentorId: MENTOR.id, activeMatches: [], conflicts: [], dbs: { checkedOn: '2026-05-01', certificateReference: '001234567890', updateService: true, recordedBy: COORDINATOR, recordedAt: '2026-05-01T10:00:00.000Z' } }, audit: [], effects: [] });
    const journey: JourneyDeps = { mentors: world.mentors, directory: world.deps.directory, roles: world.deps.schemeRoles, clock: world.deps.clock, restricted: restrictionList(world.store) };
    matching = { journey, records, youngPeople: world.youngPeople, policy: DEFAULT_MATCHING_POLICY, contacts: {}, areas: DEFAULT_AREAS, newId: () => 'new-id' };
    const done = await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: MENTOR.id }, 'Objects to the processing');
    if (!done.ok) throw new Error(done.error.message);
  });

  it('`my profile` still shows them their own record and DBS check', async () => {
    const shown = await myProfile(matching, MENTOR);
    expect(shown.mentor?.stage).toBe('trained');
    expect(shown.record?.dbs?.certificateReference).toBe('001234567890');
  });
});
