import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../../src/journey/app/decide-approval.js';
import type { JourneyDeps } from '../../../src/journey/app/journey-deps.js';
import { remindApprover } from '../../../src/journey/app/remind-approver.js';
import type { Mentor } from '../../../src/journey/domain/index.js';
import { recordConflicts } from '../../../src/matching/app/conflicts.js';
import { dbsFormFor, recordDbsCheck } from '../../../src/matching/app/dbs.js';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { acceptMatch } from '../../../src/matching/app/respond-to-match.js';
import { recordChoice } from '../../../src/matching/app/suggest-mentors.js';
import { RESTRICTED_REFUSAL } from '../../../src/platform/app/restricted-people.js';
import { restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { decideClaim } from '../../../src/relationship/app/claims.js';
import { endRelationship } from '../../../src/relationship/app/end-relationship.js';
import { logMeeting } from '../../../src/relationship/app/log-meeting.js';
import type { RelationshipDeps } from '../../../src/relationship/app/relationship-ports.js';
import { book } from '../../../src/sessions/app/book-session.js';
import { recordSessionAttendance } from '../../../src/sessions/app/record-attendance.js';
import type { SessionDeps } from '../../../src/sessions/app/session-deps.js';
import { COORDINATOR, DPO, depsHonouringRestrictions, privacyWorld, seedRestrictionCases, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const APPROVER = { id: 'f0000000-0000-4000-8000-000000000007', name: 'Megan Bowen' };

type Attempt = () => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

/**
 * Every action on a restricted person (UK GDPR Art. 18) is refused in the use case, for everyone, with the restriction's
 * own words, and changes no row: the mentor of one pair is restricted, the young person of another; a third pair is not.
 */
describe('actions on a restricted mentor or young person are refused and change nothing', () => {
  let world: PrivacyWorld;
  let journey: JourneyDeps;
  let matching: MatchingDeps;
  let relationship: RelationshipDeps;
  let sessions: SessionDeps;
  let mentorRestricted: SeededPair;
  let youngPersonRestricted: SeededPair;
  let free: SeededPair;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    const since = new Date('2026-03-01T09:00:00Z');
    ({ mentorRestricted, youngPersonRestricted, free } = await seedRestrictionCases(world, { months: 2, since }));
    // The restricted mentor also has an approval pending on them (as a re-application would), for the journey's actions.
    const stored = (await world.mentors.get(mentorRestricted.mentor.id))!;
    const pending: Mentor = { ...stored.value, stage: 'awaitingApproval', approval: { id: 'approval-1', kind: 'lineManager', approvers: [APPROVER], requestedAt: since.toISOString(), status: 'pending' } };
    await world.mentors.save({ value: pending, etag: stored.etag, audit: [], effects: [] });

    ({ journey, matching, relationship, sessions } = depsHonouringRestrictions(world));

    for (const ref of [{ kind: 'mentor' as const, personId: mentorRestricted.mentor.id }, { kind: 'youngPerson' as const, reference: youngPersonRestricted.reference }]) {
      const done = await restrictPerson(world.deps, DPO, ref, 'Contests the accuracy of the record');
      if (!done.ok) throw new Error(done.error.message);
    }
  });

  const meeting = (pair: SeededPair) => ({ logId: `log-${pair.matchId.slice(0, 8)}`, matchId: pair.matchId, date: '2026-06-10', minutes: '60', mode: 'inPerson', focus: 'College' });
  const attempts = (): Array<[string, Attempt]> => [
    ['recordDbsCheck on the mentor', () => recordDbsCheck(matching, COORDINATOR, mentorRestricted.mentor.id, { certificateNumber: '001234567890', issuedOn: '2026-05-01' })],
    ['dbsFormFor the mentor', () => dbsFormFor(matching, COORDINATOR, mentorRestricted.mentor.id)],
    ['recordConflicts for the mentor', () => recordConflicts(matching, COORDINATOR, mentorRestricted.mentor.id, { conflictAreas: [], conflictYoungPeople: [] })],
    ['recordChoice for the young person', () => recordChoice(matching, COORDINATOR, youngPersonRestricted.youngPersonId, 'p-1', 'noneSuits')],
    ['acceptMatch by the mentor', () => acceptMatch(matching, mentorRestricted.mentor, free.youngPersonId, 'p-1')],
    ['acceptMatch of the young person', () => acceptMatch(matching, free.mentor, youngPersonRestricted.youngPersonId, 'p-1')],
    ['endRelationship of the mentor', () => endRelationship(relationship, COORDINATOR, { matchId: mentorRestricted.matchId, reason: 'relationshipBrokeDown' })],
    ['endRelationship of the young person', () => endRelationship(relationship, COORDINATOR, { matchId: youngPersonRestricted.matchId, reason: 'relationshipBrokeDown' })],
    ['logMeeting by the mentor', () => logMeeting(relationship, mentorRestricted.mentor, meeting(mentorRestricted))],
    ['logMeeting with the young person', () => logMeeting(relationship, youngPersonRestricted.mentor, meeting(youngPersonRestricted))],
    ['decideClaim of the mentor', () => decideClaim(relationship, COORDINATOR, { matchId: mentorRestricted.matchId, claimId: 'c-1-0', decision: 'pay' })],
    ['decideClaim with the young person', () => decideClaim(relationship, COORDINATOR, { matchId: youngPersonRestricted.matchId, claimId: 'c-2-0', decision: 'pay' })],
    ['book by the mentor', () => book(sessions, mentorRestricted.mentor, 's-3')],
    ['recordSessionAttendance of the mentor', () => recordSessionAttendance(sessions, COORDINATOR, 's-1', [{ personId: mentorRestricted.mentor.id, present: true }])],
    ['remindApprover of the mentor', () => remindApprover(journey, COORDINATOR, mentorRestricted.mentor.id)],
    ['decide on the mentor', () => decide(journey, APPROVER, { mentorId: mentorRestricted.mentor.id, approvalId: 'approval-1', decision: 'approve' })],
  ];

  it.each(attempts().map(([name]) => name))('%s: refused with RESTRICTED_REFUSAL, nothing changed', async (name) => {
    const attempt = attempts().find(([each]) => each === name)![1];
    const before = await world.allRows();
    const result = await attempt();
    expect(result.ok ? 'allowed' : result.error).toEqual({ code: 'RESTRICTED', message: RESTRICTED_REFUSAL });
    expect(await world.allRows()).toEqual(before);
  });

  it('the same actions on people who are not restricted go ahead', async () => {
    const paid = await decideClaim(relationship, COORDINATOR, { matchId: free.matchId, claimId: 'c-3-0', decision: 'pay' });
    const logged = await logMeeting(relationship, free.mentor, meeting(free));
    // The register is taken after the session, which the fixture holds on 30 November.
    world.setNow(new Date('2026-12-01T10:00:00Z'));
    const registered = await recordSessionAttendance(sessions, COORDINATOR, 's-3', [{ personId: free.mentor.id, present: true }]);
    const outcomes = [paid, logged, registered];
    expect(outcomes.map((each) => (each.ok ? 'ok' : each.error.code))).toEqual(['ok', 'ok', 'ok']);
  });
});
