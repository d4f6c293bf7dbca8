import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { draftBroadcast, prepareBroadcast, retryFailedSends, sendBroadcast, broadcastReport, type CoordinatorBroadcastDeps } from '../../../src/broadcast/app/coordinator-broadcasts.js';
import { pickedPeople } from '../../../src/broadcast/app/picked-people.js';
import { startBroadcast } from '../../../src/broadcast/app/start-broadcast.js';
import { broadcastDeliveries, listBroadcasts } from '../../../src/broadcast/app/broadcast-history.js';
import { BroadcastQueue } from '../../../src/broadcast/store/broadcast-queue.js';
import { BroadcastRepository } from '../../../src/broadcast/store/broadcast.repository.js';
import type { JourneyDeps } from '../../../src/journey/app/journey-deps.js';
import { newMentor } from '../../../src/journey/domain/index.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { conflictsFormFor, councillorsWithConflicts, recordConflicts } from '../../../src/matching/app/conflicts.js';
import { dbsFormFor, mentorsLackingDbs, recordDbsCheck } from '../../../src/matching/app/dbs.js';
import type { MatchingDeps } from '../../../src/matching/app/matching-deps.js';
import { mentorRoster } from '../../../src/matching/app/mentor-roster.js';
import { remindApprover } from '../../../src/journey/app/remind-approver.js';
import { pipeline } from '../../../src/matching/app/pipeline.js';
import { putMentors, recordChoice, suggestMentors } from '../../../src/matching/app/suggest-mentors.js';
import { addYoungPerson, changeStatus, editYoungPersonDetails, listYoungPeople, matchesOfYoungPerson, openYoungPersonForm, viewYoungPerson, youngPeoplePage, youngPersonReads } from '../../../src/matching/app/young-people.js';
import { endRelationship, previewEnding } from '../../../src/relationship/app/end-relationship.js';
import { feedbackReport } from '../../../src/relationship/app/feedback.js';
import { logCheckIn } from '../../../src/relationship/app/check-ins.js';
import { DEFAULT_AREAS, DEFAULT_MATCHING_POLICY } from '../../../src/matching/domain/index.js';
import { MentorMatchingRepository } from '../../../src/matching/store/mentor-matching.repository.js';
import { YoungPeopleRepository } from '../../../src/matching/store/young-people.repository.js';
import { YoungPersonAccessLog } from '../../../src/matching/store/young-person-access.log.js';
import type { SchemeRoles } from '../../../src/platform/app/ports.js';
import { SYSTEM, type PersonRef } from '../../../src/platform/kernel/person.js';
import { EffectQueue } from '../../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { erasePerson, mayErase } from '../../../src/privacy/app/erasure.js';
import { liftLegalHold, placeLegalHold } from '../../../src/privacy/app/legal-holds.js';
import type { PrivacyDeps } from '../../../src/privacy/app/privacy-ports.js';
import { liftRestriction, listRestrictions, restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { boardFigures, retentionDryRun } from '../../../src/privacy/app/retention-run.js';
import { exportSubjectAccess, listSubjectAccess, startSubjectAccess, stepSubjectAccess } from '../../../src/privacy/app/subject-access-requests.js';
import { DEFAULT_RETENTION } from '../../../src/privacy/domain/index.js';
import { StoredPersonEraser } from '../../../src/privacy/store/person.eraser.js';
import { StoredPersonalData } from '../../../src/privacy/store/personal-data.reader.js';
import { openPersonalTables } from '../../../src/privacy/store/personal-tables.js';
import { PrivacyRepository } from '../../../src/privacy/store/privacy.repository.js';
import { StoredRetentionRecords } from '../../../src/privacy/store/retention.records.js';
import { claimsForMonth, decideClaim, exportClaims } from '../../../src/relationship/app/claims.js';
import type { RelationshipDeps } from '../../../src/relationship/app/relationship-ports.js';
import { monthlySummary } from '../../../src/relationship/app/summary.js';
import { commitmentOverview } from '../../../src/relationship/app/commitment-overview.js';
import { DEFAULT_CLAIM_POLICY, DEFAULT_CONCERN_POLICY } from '../../../src/relationship/domain/index.js';
import { ConcernRepository } from '../../../src/relationship/store/concern.repository.js';
import { StoredActiveMatches, StoredMatchingSide } from '../../../src/relationship/store/matching-side.adapter.js';
import { RelationshipRepository } from '../../../src/relationship/store/relationship.repository.js';
import { cancelWholeSession } from '../../../src/sessions/app/cancel-session.js';
import { changeSessionSeats } from '../../../src/sessions/app/change-seats.js';
import { createSession } from '../../../src/sessions/app/create-session.js';
import { moveWholeSession } from '../../../src/sessions/app/move-session.js';
import { recordSessionAttendance } from '../../../src/sessions/app/record-attendance.js';
import { retrySessionCalendar } from '../../../src/sessions/app/retry-calendar.js';
import type { SessionDeps } from '../../../src/sessions/app/session-deps.js';
import { openNewSessionForm, sessionForAttendance, sessionsForAttendance, sessionsToManage } from '../../../src/sessions/app/session-views.js';
import { SessionRepository } from '../../../src/sessions/store/session.repository.js';
import type { CohortDeps } from '../../../src/sessions/app/cohort-ports.js';
import { cohortOverview, openCohortForm } from '../../../src/sessions/app/cohort-views.js';
import { openCohort } from '../../../src/sessions/app/open-cohort.js';
import { CohortRepository } from '../../../src/sessions/store/cohort.repository.js';
import type { RotaDeps } from '../../../src/sessions/app/rota-ports.js';
import { assignRotaVisit, rotaAssignForm, rotaToManage, setUpVisitRota } from '../../../src/sessions/app/visit-rota.js';
import { RotaRepository } from '../../../src/sessions/store/rota.repository.js';
import { snapshotTables } from '../../support/table-snapshot.js';
import { nobodyRestricted } from '../../support/nobody-restricted.js';
import { uniquePrefix } from '../../support/test-bot.js';

const COORDINATOR: PersonRef = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Isaiah Langer' };
const MENTOR: PersonRef = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Alex Wilber' };
const DPO: PersonRef = { id: 'd0000000-0000-4000-8000-000000000009', name: 'Dana Officer' };
const NOW = new Date('2026-12-01T10:00:00Z');
const YOUNG_PERSON_FORM = { reference: 'LC-1001', firstName: 'Robin', dateOfBirth: '2006-06-15', gender: 'female', homeArea: 'north', interests: 'football', availability: 'weekdayEvening', keyAdultRole: 'personalAdviser', keyAdultName: 'Sam Patel', keyAdultContact: '01709 123456' };

/**
 * Who may act is decided in the use case, so the bot and the coming workspace share every check: each coordinator use
 * case, called by someone who is not a coordinator (here a mentor on the scheme), answers NOT_COORDINATOR and stores nothing.
 */
describe('every coordinator use case refuses anyone else, and stores nothing', () => {
  const prefix = uniquePrefix();
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const roles: SchemeRoles = { coordinators: [COORDINATOR], governanceApprovers: [COORDINATOR], isCoordinator: (id) => id === COORDINATOR.id, dataProtectionOfficers: [DPO], isDataProtectionOfficer: (id) => id === DPO.id };
  let sessions: SessionDeps;
  let cohorts: CohortDeps;
  let rota: RotaDeps;
  let matching: MatchingDeps;
  let relationships: RelationshipDeps;
  let broadcasts: CoordinatorBroadcastDeps;
  let privacy: PrivacyDeps;
  let requestId = '';
  let sessionId = '';
  let youngPersonId = '';
  let broadcastId = '';

  beforeAll(async () => {
    const open = (name: string) => openTable(clients, `${prefix}${name}`);
    const queueClient = clients.queue(`${prefix.toLowerCase()}-effects`);
    await queueClient.createIfNotExists();
    const queue = new EffectQueue(queueClient, () => new Date());
    const now = () => NOW;
    const mentors = new MentorRepository(await open('Mentors'), queue, now);
    const journey: JourneyDeps = { mentors, directory: { getPerson: async () => undefined, getManager: async () => undefined }, roles, clock: { now }, restricted: nobodyRestricted };
    const records = new MentorMatchingRepository(await open('MentorMatching'), queue, now);
    const youngPeopleTable = await open('YoungPeople');
    const youngPeople = new YoungPeopleRepository(youngPeopleTable, new YoungPersonAccessLog(await open('YoungPersonAccess'), now), queue, now);
    const sessionsTable = await open('Sessions');
    sessions = { ...journey, sessions: new SessionRepository(sessionsTable, queue, now) };
    cohorts = { ...sessions, cohorts: new CohortRepository(sessionsTable, queue, now), cohortDefaults: { location: { type: 'online' }, seats: 20 }, timeZone: 'Europe/London' };
    rota = { ...sessions, rota: new RotaRepository(sessionsTable, queue, now), timeZone: 'Europe/London' };
    matching = { journey, records, youngPeople, policy: DEFAULT_MATCHING_POLICY, contacts: { dutyLine: '01709 000000', serviceManager: { name: 'Service manager', contact: '01709 000001' } } as MatchingDeps['contacts'], areas: DEFAULT_AREAS, newId: () => 'id' };
    relationships = {
      journey,
      matches: new StoredActiveMatches(youngPeopleTable, records, youngPeople),
      matching: new StoredMatchingSide(youngPeopleTable, records, youngPeople),
      relationships: new RelationshipRepository(await open('Relationships'), queue, now),
      concerns: new ConcernRepository(await open('SupportConcerns'), queue, now),
      contacts: { dutyContactIds: [COORDINATOR.id], serviceManagerIds: [COORDINATOR.id], leavingCareTeamIds: [COORDINATOR.id] },
      policy: { claims: DEFAULT_CLAIM_POLICY, concerns: DEFAULT_CONCERN_POLICY, nudgeDaysBeforeMonthEnd: 7, timeZone: 'Europe/London' },
      newId: () => 'id',
    };
    // The privacy use cases over the same tables (the data map's), with a Data Protection Officer configured.
    const personal = await openPersonalTables(open);
    const accessLog = new YoungPersonAccessLog(personal.access, now);
    const privacyStore = new PrivacyRepository(personal.privacy, queue, now);
    privacy = {
      store: privacyStore,
      personalData: new StoredPersonalData(personal, new YoungPeopleRepository(personal.youngPeople, accessLog, queue, now), accessLog),
      retention: new StoredRetentionRecords(personal),
      eraser: new StoredPersonEraser(personal),
      schemeRoles: roles,
      privacyRoles: { dataProtectionOfficers: [DPO], isDataProtectionOfficer: (id) => id === DPO.id },
      directory: { getPerson: async (id) => (id === MENTOR.id ? MENTOR : undefined), getManager: async () => undefined },
      clock: { now },
      schedule: DEFAULT_RETENTION,
      newId: () => 'privacy-request-1',
      tell: (effects) => privacyStore.queueNotices(effects),
      reminderDays: 7,
    };
    const broadcastQueueClient = clients.queue(`${prefix.toLowerCase()}-broadcast`);
    await broadcastQueueClient.createIfNotExists();
    const broadcastStore = new BroadcastRepository(await open('Broadcasts'));
    broadcasts = {
      roles,
      clock: { now },
      directory: journey.directory,
      broadcasts: broadcastStore,
      queue: new BroadcastQueue(broadcastQueueClient),
      audience: { mentors, directory: journey.directory, groups: { members: async function* () {} }, eligibleGroupIds: [], restricted: nobodyRestricted },
      sessions: { upcoming: async () => [], get: async () => undefined },
    };

    // What there is to act on: a councillor on the scheme, a session, a rota, a young person, a broadcast.
    const rotaMade = await setUpVisitRota(rota, COORDINATOR, { homes: 'Oak House', fromMonth: '2026-12', toMonth: '2027-03' });
    if (!rotaMade.ok) throw new Error(JSON.stringify(rotaMade.error));
    await mentors.save({ value: { ...newMentor(MENTOR, {}, NOW), stage: 'approved' }, audit: [], effects: [] });
    const created = await createSession(sessions, COORDINATOR, { kind: 'training', title: 'Training', startsAt: '2027-01-20T10:00', endsAt: '2027-01-20T16:00', location: 'inPerson', venue: 'Town Hall', seats: '20', bookingClosesAt: '2027-01-19T17:00' }, 'Europe/London');
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    sessionId = created.value.id;
    const added = await addYoungPerson(matching, COORDINATOR, YOUNG_PERSON_FORM);
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    youngPersonId = added.value.id;
    const started = await startSubjectAccess(privacy, COORDINATOR, { kind: 'mentor', personId: MENTOR.id });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    requestId = started.value.request.id;
    const held = await placeLegalHold(privacy, COORDINATOR, MENTOR.id, 'A claim is open');
    if (!held.ok) throw new Error(JSON.stringify(held.error));
    broadcastId = (await startBroadcast(broadcasts, SYSTEM, { id: 'b-1', content: { text: 'Hello' }, audienceLabel: 'Everyone', recipients: [MENTOR.id] }, NOW)).broadcast.id;
  });

  const draft = { draftId: 'd-1', text: 'Hello', values: { sessionId: '', text: 'Hello', audience: 'approvedNotBooked', people: '' }, audience: { eligible: false, groups: ['approvedNotBooked' as const], people: [] } };
  const attempts: Array<[string, () => Promise<{ ok: boolean; error?: { code: string } }> | { ok: boolean; error?: { code: string } }]> = [
    ['createSession', () => createSession(sessions, MENTOR, { kind: 'training', title: 'Mine', startsAt: '2027-02-01T10:00', endsAt: '2027-02-01T12:00', location: 'inPerson', venue: 'Here', seats: '5' }, 'Europe/London')],
    ['cancelWholeSession', () => cancelWholeSession(sessions, MENTOR, sessionId)],
    ['moveWholeSession', () => moveWholeSession(sessions, MENTOR, sessionId, { startsAt: '2027-01-21T10:00', endsAt: '2027-01-21T16:00' })],
    ['changeSessionSeats', () => changeSessionSeats(sessions, MENTOR, sessionId, '30')],
    ['recordSessionAttendance', () => recordSessionAttendance(sessions, MENTOR, sessionId, [{ personId: MENTOR.id, present: true }])],
    ['retrySessionCalendar', () => retrySessionCalendar(sessions, MENTOR, sessionId)],
    ['sessionsToManage', () => sessionsToManage(sessions, MENTOR)],
    ['openNewSessionForm', () => openNewSessionForm(sessions, MENTOR)],
    ['sessionsForAttendance', () => sessionsForAttendance(sessions, MENTOR)],
    ['sessionForAttendance', () => sessionForAttendance(sessions, MENTOR, sessionId)],
    ['openCohort', () => openCohort(cohorts, MENTOR, { name: '2027 cohort', informationDate: '2027-11-08', informationStart: '10:00', informationEnd: '12:00', trainingDate: '2027-11-29', trainingStart: '09:30', trainingEnd: '16:30', location: 'online', seats: '20', closesHoursBefore: '24' })],
    ['openCohortForm', () => openCohortForm(cohorts, MENTOR)],
    ['cohortOverview', () => cohortOverview(cohorts, MENTOR)],
    ['setUpVisitRota', () => setUpVisitRota(rota, MENTOR, { homes: 'Birch Lodge', fromMonth: '2027-01', toMonth: '2027-02' })],
    ['assignRotaVisit', () => assignRotaVisit(rota, MENTOR, { homeId: 'home-oak-house', month: '2027-01', memberId: MENTOR.id })],
    ['rotaToManage', () => rotaToManage(rota, MENTOR)],
    ['rotaAssignForm', () => rotaAssignForm(rota, MENTOR)],
    ['recordDbsCheck', () => recordDbsCheck(matching, MENTOR, MENTOR.id, { certificateNumber: '001234567890', issuedOn: '2026-11-01' })],
    ['mentorsLackingDbs', () => mentorsLackingDbs(matching, MENTOR)],
    ['dbsFormFor', () => dbsFormFor(matching, MENTOR, MENTOR.id)],
    ['councillorsWithConflicts', () => councillorsWithConflicts(matching, MENTOR)],
    ['recordConflicts', () => recordConflicts(matching, MENTOR, MENTOR.id, { areas: 'north' })],
    ['conflictsFormFor', () => conflictsFormFor(matching, MENTOR, MENTOR.id)],
    ['pipeline', () => pipeline(matching, MENTOR)],
    ['mentorRoster', () => mentorRoster(matching, MENTOR)],
    ['remindApprover', () => remindApprover(matching.journey, MENTOR, MENTOR.id)],
    ['addYoungPerson', () => addYoungPerson(matching, MENTOR, { ...YOUNG_PERSON_FORM, reference: 'LC-1002' })],
    ['editYoungPersonDetails', () => editYoungPersonDetails(matching, MENTOR, youngPersonId, { firstName: 'Jo' })],
    ['changeStatus', () => changeStatus(matching, MENTOR, youngPersonId, 'close')],
    ['listYoungPeople', () => listYoungPeople(matching, MENTOR)],
    ['youngPersonReads', () => youngPersonReads(matching, MENTOR, youngPersonId)],
    ['viewYoungPerson', () => viewYoungPerson(matching, MENTOR, youngPersonId)],
    ['matchesOfYoungPerson', () => matchesOfYoungPerson(matching, MENTOR, youngPersonId)],
    ['endRelationship, closing the record', () => endRelationship(relationships, MENTOR, { matchId: 'm-1', reason: 'relationshipBrokeDown', closeRecord: true })],
    ['feedbackReport', () => feedbackReport(relationships, MENTOR)],
    ['logCheckIn', () => logCheckIn(relationships, MENTOR, 'm-1', 'week2')],
    ['previewEnding, closing the record', async () => {
      const checked = await previewEnding(relationships, MENTOR, { matchId: 'm-1', reason: 'relationshipBrokeDown', closeRecord: true });
      return checked.ok ? checked : { ok: false, error: checked.error };
    }],
    ['openYoungPersonForm', () => openYoungPersonForm(matching, MENTOR)],
    ['suggestMentors', () => suggestMentors(matching, MENTOR, youngPersonId)],
    ['putMentors', () => putMentors(matching, MENTOR, youngPersonId, [MENTOR.id])],
    ['recordChoice', () => recordChoice(matching, MENTOR, youngPersonId, 'p-1', 'accepted' as never)],
    ['claimsForMonth', () => claimsForMonth(relationships, MENTOR, '2026-11')],
    ['decideClaim', () => decideClaim(relationships, MENTOR, { matchId: 'm-1', claimId: 'c-1', decision: 'approve' } as never)],
    ['exportClaims', () => exportClaims(relationships, MENTOR, '2026-11')],
    ['monthlySummary', () => monthlySummary(relationships, MENTOR, '2026-11')],
    ['commitmentOverview', () => commitmentOverview(relationships, MENTOR)],
    ['draftBroadcast', () => draftBroadcast(broadcasts, MENTOR)],
    ['prepareBroadcast', () => prepareBroadcast(broadcasts, MENTOR, draft)],
    ['sendBroadcast', () => sendBroadcast(broadcasts, MENTOR, draft, 'Approved mentors')],
    ['retryFailedSends', () => retryFailedSends(broadcasts, MENTOR, broadcastId)],
    ['broadcastReport', () => broadcastReport(broadcasts, MENTOR, broadcastId)],
    ['listBroadcasts', () => listBroadcasts(broadcasts, MENTOR)],
    ['broadcastDeliveries', () => broadcastDeliveries(broadcasts, MENTOR, broadcastId)],
    ['pickedPeople', () => pickedPeople(broadcasts, MENTOR, [MENTOR.id])],
    ['youngPeoplePage, searching', () => youngPeoplePage(matching, MENTOR, 0, 25, 'rob')],
  ];

  it.each(attempts)('%s: NOT_COORDINATOR', async (_name, attempt) => {
    const before = await snapshotTables(inject('storageConnectionString'), prefix);
    const result = await attempt();
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('NOT_COORDINATOR');
    // A refused read of a young person's record reads nothing, so it logs no access either.
    expect(await snapshotTables(inject('storageConnectionString'), prefix)).toEqual(before);
  });

  // The privacy use cases: the coordinators' and the DPO's (subject access, holds, the dry run) refuse anyone else; the
  // DPO's alone (restriction, erasure) refuse the coordinators too.
  const privacyAttempts: Array<[string, string, () => Promise<{ ok: boolean; error?: { code: string } }> | { ok: boolean; error?: { code: string } }]> = [
    ['startSubjectAccess', 'NOT_PRIVACY_OFFICER', () => startSubjectAccess(privacy, MENTOR, { kind: 'mentor', personId: MENTOR.id })],
    ['stepSubjectAccess', 'NOT_PRIVACY_OFFICER', () => stepSubjectAccess(privacy, MENTOR, requestId, { step: 'pause' })],
    ['exportSubjectAccess', 'NOT_PRIVACY_OFFICER', () => exportSubjectAccess(privacy, MENTOR, requestId)],
    ['listSubjectAccess', 'NOT_PRIVACY_OFFICER', () => listSubjectAccess(privacy, MENTOR)],
    ['placeLegalHold', 'NOT_PRIVACY_OFFICER', () => placeLegalHold(privacy, MENTOR, youngPersonId, 'Mine')],
    ['liftLegalHold', 'NOT_PRIVACY_OFFICER', () => liftLegalHold(privacy, MENTOR, MENTOR.id)],
    ['retentionDryRun', 'NOT_PRIVACY_OFFICER', () => retentionDryRun(privacy, MENTOR)],
    ['boardFigures', 'NOT_PRIVACY_OFFICER', () => boardFigures(privacy, MENTOR)],
    ...(['a mentor', 'a coordinator'] as const).flatMap((who): typeof privacyAttempts => {
      const actor = who === 'a mentor' ? MENTOR : COORDINATOR;
      return [
        [`restrictPerson by ${who}`, 'NOT_DPO', () => restrictPerson(privacy, actor, { kind: 'mentor', personId: MENTOR.id }, 'Contests the record')],
        [`liftRestriction by ${who}`, 'NOT_DPO', () => liftRestriction(privacy, actor, MENTOR.id)],
        [`listRestrictions by ${who}`, 'NOT_DPO', () => listRestrictions(privacy, actor)],
        [`erasePerson by ${who}`, 'NOT_DPO', () => erasePerson(privacy, actor, { kind: 'mentor', personId: MENTOR.id })],
        [`mayErase by ${who}`, 'NOT_DPO', () => mayErase(privacy, actor)],
      ];
    }),
  ];

  it.each(privacyAttempts)('%s: refused, nothing stored', async (_name, code, attempt) => {
    const before = await snapshotTables(inject('storageConnectionString'), prefix);
    const result = await attempt();
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe(code);
    expect(await snapshotTables(inject('storageConnectionString'), prefix)).toEqual(before);
  });
});
