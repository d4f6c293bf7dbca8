import { beforeAll, describe, expect, it } from 'vitest';
import { followUpApprovals } from '../../../src/journey/app/follow-up-approvals.js';
import type { JourneyDeps } from '../../../src/journey/app/journey-deps.js';
import { newMentor, type Mentor } from '../../../src/journey/domain/index.js';
import { askTrainedMentorsForProfile } from '../../../src/matching/app/ask-for-profile.js';
import { mentorsLackingDbs } from '../../../src/matching/app/dbs.js';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { pipeline } from '../../../src/matching/app/pipeline.js';
import type { PersonRef } from '../../../src/platform/kernel/person.js';
import { restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { claimsForMonth } from '../../../src/relationship/app/claims.js';
import { commitmentOverview } from '../../../src/relationship/app/commitment-overview.js';
import { matchesToEnd } from '../../../src/relationship/app/end-relationship.js';
import type { RelationshipDeps } from '../../../src/relationship/app/relationship-ports.js';
import { expandFanOut } from '../../../src/sessions/app/expand-fan-out.js';
import { sendSessionReminders } from '../../../src/sessions/app/send-reminders.js';
import type { RotaDeps } from '../../../src/sessions/app/rota-ports.js';
import type { SessionDeps } from '../../../src/sessions/app/session-deps.js';
import { assignRotaVisit, sendRotaReminders, setUpVisitRota } from '../../../src/sessions/app/visit-rota.js';
import { RotaRepository } from '../../../src/sessions/store/rota.repository.js';
import { RESTRICTED_REFUSAL } from '../../../src/platform/app/restricted-people.js';
import { aSession } from '../../sessions/domain/session.fixture.js';
import { COORDINATOR, DPO, depsHonouringRestrictions, privacyWorld, seedRestrictionCases, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const noSignal = { signal: async () => undefined };

/**
 * A restricted person (UK GDPR Art. 18) gets no reminders, and their records are left out of the coordinator's lists
 * and figures: one pair's mentor is restricted, another pair's young person, a third pair is not; and beside them two
 * mentors waiting for approval and two trained, one of each restricted.
 */
describe('reminders and the coordinator lists leave restricted people out', () => {
  let world: PrivacyWorld;
  let journey: JourneyDeps;
  let matching: MatchingDeps;
  let relationship: RelationshipDeps;
  let sessions: SessionDeps;
  let rota: RotaDeps;
  let mentorRestricted: SeededPair;
  let youngPersonRestricted: SeededPair;
  let free: SeededPair;
  const waiting = { restricted: person(0x51, 'Waiting Restricted'), free: person(0x52, 'Waiting Free') };
  const trained = { restricted: person(0x61, 'Trained Restricted'), free: person(0x62, 'Trained Free') };

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    const since = new Date('2026-03-01T09:00:00Z');
    ({ mentorRestricted, youngPersonRestricted, free } = await seedRestrictionCases(world, { months: 4, since }));
    for (const mentor of Object.values(waiting)) {
      world.people.set(mentor.id, mentor);
      const pending: Mentor = { ...newMentor(mentor, {}, since), stage: 'awaitingApproval', approval: { id: `approval-${mentor.id.slice(0, 4)}`, kind: 'lineManager', approvers: [COORDINATOR], requestedAt: since.toISOString(), status: 'pending' } };
      await world.mentors.save({ value: pending, audit: [], effects: [] });
    }
    for (const mentor of Object.values(trained)) {
      world.people.set(mentor.id, mentor);
      await world.mentors.save({ value: { ...newMentor(mentor, {}, since), stage: 'trained' }, audit: [], effects: [] });
    }
    const starts = new Date(NOW.getTime() + 20 * 3_600_000);
    const bookings = [mentorRestricted, free].map(({ mentor }) => ({ personId: mentor.id, displayName: mentor.name, status: 'confirmed' as const, bookedAt: since.toISOString() }));
    await world.sessions.save({ session: aSession({ id: 'soon', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3_600_000).toISOString(), seats: 10, bookings }), version: 1, audit: [], effects: [] });

    ({ journey, matching, relationship, sessions } = depsHonouringRestrictions(world));
    // Two homes visited this month, one by the mentor about to be restricted.
    rota = { ...sessions, rota: new RotaRepository(world.tables.sessions, noSignal, world.now), timeZone: 'Europe/London' };
    const made = await setUpVisitRota(rota, COORDINATOR, { homes: 'Oak House\nBirch Lodge', fromMonth: '2026-06', toMonth: '2026-07' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    for (const [homeId, member] of [['home-oak-house', mentorRestricted.mentor], ['home-birch-lodge', free.mentor]] as const) {
      const assigned = await assignRotaVisit(rota, COORDINATOR, { homeId, month: '2026-06', memberId: member.id });
      if (!assigned.ok) throw new Error(JSON.stringify(assigned.error));
    }

    for (const mentor of [mentorRestricted.mentor, waiting.restricted, trained.restricted]) await restrict({ kind: 'mentor', personId: mentor.id });
    await restrict({ kind: 'youngPerson', reference: youngPersonRestricted.reference });
  });

  async function restrict(ref: Parameters<typeof restrictPerson>[2]): Promise<void> {
    const done = await restrictPerson(world.deps, DPO, ref, 'Objects to the processing');
    if (!done.ok) throw new Error(done.error.message);
  }

  it('reminds only the approver of the mentor who is not restricted, and leaves the restricted record as it was', async () => {
    const before = (await world.mentors.get(waiting.restricted.id))!;
    expect(await followUpApprovals(journey, { reminderAfterWorkingDays: 3, escalationAfterWorkingDays: 500 })).toEqual({ reminded: 1, escalated: 0 });
    expect((await world.mentors.get(waiting.free.id))!.value.approval?.remindedAt).toBeDefined();
    expect((await world.mentors.get(waiting.restricted.id))!.etag).toBe(before.etag);
  });

  it('asks only the trained mentor who is not restricted for a pen picture', async () => {
    expect(await askTrainedMentorsForProfile(matching)).toBe(1);
    expect((await matching.records.get(trained.restricted.id))?.value.askedForProfileAt).toBeUndefined();
  });

  it("reminds only the booked mentor who is not restricted of tomorrow's session", async () => {
    expect(await sendSessionReminders(sessions, 24)).toBe(2);
    const reminders = await expandFanOut(sessions, { sessionId: 'soon', version: 2, purpose: 'reminder', actor: COORDINATOR });
    expect(reminders.map((effect) => effect.recipientId)).toEqual([free.mentor.id]);
  });

  it('reminds only the member who is not restricted of their Regulation 33 visit, and puts no restricted member on a visit', async () => {
    expect(await sendRotaReminders(rota)).toBe(1);
    const stored = (await rota.rota.get()).value;
    expect(stored.visits.filter((visit) => visit.remindedMemberId).map((visit) => visit.remindedMemberId)).toEqual([free.mentor.id]);
    const refused = await assignRotaVisit(rota, COORDINATOR, { homeId: 'home-oak-house', month: '2026-07', memberId: mentorRestricted.mentor.id });
    expect(refused.ok ? 'assigned' : { code: refused.error.code, message: refused.error.message }).toEqual({ code: 'RESTRICTED', message: RESTRICTED_REFUSAL });
    expect((await rota.rota.get()).value).toEqual(stored);
  });

  it("leaves them out of the coordinator's pipeline, DBS list, claims, commitment and matches to end", async () => {
    const figures = await pipeline(matching, COORDINATOR);
    if (!figures.ok) throw new Error(figures.error.message);
    expect(figures.value.trainedUnmatched.map((each) => each.mentor.id)).toEqual([trained.free.id]);
    expect(figures.value.mentorsByStage).toMatchObject({ trained: 1, awaitingApproval: 1, active: 2 });
    const lacking = await mentorsLackingDbs(matching, COORDINATOR);
    expect(lacking.ok && lacking.value.map((each) => each.mentor.id).sort()).toEqual([trained.free.id, youngPersonRestricted.mentor.id, free.mentor.id].sort());
    const claims = await claimsForMonth(relationship, COORDINATOR, '2026-04');
    expect(claims.ok && claims.value.claims.map((claim) => claim.matchId)).toEqual([free.matchId]);
    const commitment = await commitmentOverview(relationship, COORDINATOR);
    expect(commitment.ok && commitment.value.rows.map((row) => row.matchId)).toEqual([free.matchId]);
    const toEnd = await matchesToEnd(relationship, COORDINATOR);
    expect(toEnd.ok && toEnd.value.matches.map((each) => each.match.id)).toEqual([free.matchId]);
  });
});

function person(index: number, name: string): PersonRef {
  const hex = index.toString(16).padStart(4, '0');
  return { id: `a000${hex}-0000-4000-8000-00000000${hex}`, name };
}
