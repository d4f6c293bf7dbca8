import { beforeAll, describe, expect, it } from 'vitest';
import { newMentor, type Mentor } from '../../../src/journey/domain/index.js';
import { MentorMatchingRepository } from '../../../src/matching/store/mentor-matching.repository.js';
import type { PersonRef } from '../../../src/platform/kernel/person.js';
import { liftLegalHold, placeLegalHold } from '../../../src/privacy/app/legal-holds.js';
import { liftRestriction, restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { boardFigures, runRetention } from '../../../src/privacy/app/retention-run.js';
import { startSubjectAccess, stepSubjectAccess } from '../../../src/privacy/app/subject-access-requests.js';
import type { Relationship } from '../../../src/relationship/app/relationship-ports.js';
import { ConcernRepository } from '../../../src/relationship/store/concern.repository.js';
import { CohortRepository } from '../../../src/sessions/store/cohort.repository.js';
import { RotaRepository } from '../../../src/sessions/store/rota.repository.js';
import { aSession } from '../../sessions/domain/session.fixture.js';
import { COORDINATOR, DPO, mentions, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const person = (n: number, name: string): PersonRef => ({ id: `a100000${n}-0000-4000-8000-00000000000${n}`, name });
const GONE = person(1, 'Gone Goodwin');
const HELD = person(2, 'Held Hargreaves');
const RECENT = person(3, 'Recent Rahman');
const LEFT = person(4, 'Left Lindqvist');
const MEMBER = person(5, 'Councillor Morwenna');
const OTHER = person(7, 'Other Mentor');
const signal = { signal: async () => undefined };

/** The six classes the schedule gained: what is past its date goes, what is held or recent stays, figures stay true. */
describe('retention of privacy rows, past sessions, concerns, mentors who left, cohorts and the rota', () => {
  let world: PrivacyWorld;
  let figuresBefore: unknown;

  beforeAll(async () => {
    world = await privacyWorld(new Date('2020-01-06T10:00:00Z'));
    for (const each of [GONE, HELD, RECENT, LEFT, MEMBER, OTHER]) world.people.set(each.id, each);
    await seedPrivacyRows(world);
    await seedSessions(world);
    await seedConcerns(world);
    await seedMentorWhoLeft(world);
    await seedCohortsAndRota(world);
    world.setNow(new Date('2027-06-01T02:00:00Z'));
    expect((await placeLegalHold(world.deps, COORDINATOR, HELD.id, 'Claim against the council')).ok).toBe(true);
    const figures = await boardFigures(world.deps, COORDINATOR);
    figuresBefore = figures.ok ? [...figures.value].sort() : undefined;
  });

  it('the first run reports each class by count, and removes nothing', async () => {
    const before = (await world.allRows()).size;
    const outcome = await runRetention(world.deps, await world.lease('instance-a'));
    expect(outcome).toEqual({ ran: true, mode: 'dryRun', counts: { privacyRecord: 3, pastSession: 1, supportConcern: 1, mentorLeft: 1, cohort: 1, rotaMonth: 2 } });
    expect((await world.allRows()).size).toBe(before + 4);
  });

  it('the next day they go; held, recent and open records stay; a second run finds nothing', async () => {
    world.setNow(new Date('2027-06-02T02:00:00Z'));
    const outcome = await runRetention(world.deps, await world.lease('instance-a'));
    expect(outcome).toEqual({ ran: true, mode: 'removal', counts: { privacyRecord: 3, pastSession: 1, supportConcern: 1, mentorLeft: 1, cohort: 1, rotaMonth: 2 } });
    const rows = [...(await world.allRows()).entries()];
    const naming = (who: PersonRef): string[] => rows.filter(([, row]) => mentions(row, [who.id, who.name])).map(([key]) => key).sort();
    // Everything naming the person whose records passed their dates is gone, in every table.
    expect(naming(GONE)).toEqual([]);
    expect(naming(LEFT)).toEqual([]);
    expect(rows.some(([key]) => key.includes('s-old'))).toBe(false);
    expect(rows.some(([key]) => key.startsWith('SupportConcerns|k-old'))).toBe(false);
    // Held: their closed request, their past session, their concern stay.
    expect(naming(HELD).filter((key) => key.startsWith('Privacy|request'))).not.toEqual([]);
    expect(rows.some(([key]) => key.startsWith('Sessions|s-held|session'))).toBe(true);
    expect(rows.some(([key]) => key.startsWith('SupportConcerns|k-held|concern'))).toBe(true);
    // Recent or still open: kept.
    expect(naming(RECENT).some((key) => key.startsWith('Privacy|restrictions|'))).toBe(true);
    for (const key of ['Sessions|s-recent|session', 'SupportConcerns|k-open|concern', 'SupportConcerns|k-active|concern']) expect(rows.some(([each]) => each === key)).toBe(true);
    // The cohort book and the rota keep only what is recent; the member's name went with the past months.
    const cohorts = await new CohortRepository(world.tables.sessions, signal, world.now).get();
    expect(cohorts.value.cohorts.map((cohort) => cohort.name)).toEqual(['2027 cohort']);
    const rota = await new RotaRepository(world.tables.sessions, signal, world.now).get();
    expect(rota.value.months).toEqual(['2027-04']);
    expect(JSON.stringify(rota.value)).not.toContain(MEMBER.name);
    expect(await runRetention(world.deps, await world.lease('instance-a'))).toEqual({ ran: false });
    world.setNow(new Date('2027-06-03T02:00:00Z'));
    expect(await runRetention(world.deps, await world.lease('instance-b'))).toEqual({ ran: true, mode: 'removal', counts: {} });
  });

  it("the board's figures (people booked, cohorts, rota visits done by month) are the same after removal", async () => {
    const figures = await boardFigures(world.deps, COORDINATOR);
    expect(figures.ok && [...figures.value].sort()).toEqual(figuresBefore);
    expect(figuresBefore).toContainEqual(['rotaMonth|2020-01', { count: 1, minutes: 0, pence: 0 }]);
    expect(figuresBefore).toContainEqual(['pastSession|2020-02', { count: 2, minutes: 0, pence: 0 }]);
    expect(figuresBefore).toContainEqual(['mentorLeft|2020-03', { count: 1, minutes: 0, pence: 0 }]);
  });
});

async function seedPrivacyRows(world: PrivacyWorld): Promise<void> {
  for (const who of [GONE, HELD]) {
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: who.id });
    if (!started.ok) throw new Error(started.error.message);
    for (const step of ['review', 'send'] as const) expect((await stepSubjectAccess(world.deps, COORDINATOR, started.value.request.id, { step })).ok).toBe(true);
  }
  // An open request is never removed, however old.
  expect((await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: RECENT.id })).ok).toBe(true);
  expect((await placeLegalHold(world.deps, DPO, GONE.id, 'Complaint, since settled')).ok).toBe(true);
  expect((await liftLegalHold(world.deps, DPO, GONE.id)).ok).toBe(true);
  expect((await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: GONE.id }, 'Asked us to stop')).ok).toBe(true);
  expect((await liftRestriction(world.deps, DPO, GONE.id)).ok).toBe(true);
  world.setNow(new Date('2026-01-06T10:00:00Z'));
  expect((await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: RECENT.id }, 'Asked us to stop')).ok).toBe(true);
  expect((await liftRestriction(world.deps, DPO, RECENT.id)).ok).toBe(true);
  world.setNow(new Date('2020-01-06T10:00:00Z'));
}

async function seedSessions(world: PrivacyWorld): Promise<void> {
  const booked = (who: PersonRef) => [{ personId: who.id, displayName: who.name, status: 'confirmed' as const, bookedAt: '2020-01-06T10:00:00.000Z' }];
  const sessions = [
    aSession({ id: 's-old', startsAt: '2020-02-03T09:30:00.000Z', endsAt: '2020-02-03T16:30:00.000Z', bookings: booked(GONE), declined: [{ personId: RECENT.id, displayName: RECENT.name, at: '2020-01-07T10:00:00.000Z' }] }),
    aSession({ id: 's-held', startsAt: '2020-02-03T09:30:00.000Z', endsAt: '2020-02-03T16:30:00.000Z', bookings: booked(HELD) }),
    aSession({ id: 's-recent', startsAt: '2026-02-03T09:30:00.000Z', endsAt: '2026-02-03T16:30:00.000Z', bookings: booked(RECENT) }),
  ];
  for (const session of sessions) await world.sessions.save({ session, version: 1, audit: [{ at: '2020-01-06T10:00:00.000Z', actor: COORDINATOR, action: 'book', subjectId: session.id }], effects: [] });
}

async function seedConcerns(world: PrivacyWorld): Promise<void> {
  const ending = { reason: 'termComplete' as const, endedBy: COORDINATOR, endedAt: '2020-06-30T12:00:00.000Z', youngPerson: 'noFurtherMatch' as const };
  const relationship = (matchId: string, mentor: PersonRef, ended: boolean): Relationship => ({
    matchId, mentorId: mentor.id, youngPersonId: `y-${matchId}`, startedOn: '2020-01-06', status: ended ? 'ended' : 'active', nudgedMonths: [], alertedMonths: [], createdAt: '2020-01-06T10:00:00.000Z', ...(ended ? { ending } : {}),
  });
  await world.relationships.commit({ matchId: 'm-old', relationship: { value: relationship('m-old', OTHER, true) }, audit: [], effects: [] });
  await world.relationships.commit({ matchId: 'm-held', relationship: { value: relationship('m-held', HELD, true) }, audit: [], effects: [] });
  await world.relationships.commit({ matchId: 'm-active', relationship: { value: relationship('m-active', OTHER, false) }, audit: [], effects: [] });
  const concerns = new ConcernRepository(world.tables.concerns, signal, world.now);
  const picked = { acknowledgedBy: COORDINATOR.id, acknowledgedAt: new Date('2020-02-01T10:00:00Z') };
  for (const [id, matchId, raisedBy, acknowledged] of [['k-old', 'm-old', GONE, true], ['k-held', 'm-held', HELD, true], ['k-open', 'm-old', RECENT, false], ['k-active', 'm-active', RECENT, true]] as const) {
    await concerns.save({
      value: { id, matchId, raisedBy: raisedBy.id, urgency: 'support', raisedAt: new Date('2020-01-20T10:00:00Z'), notifiedCount: 1, ...(acknowledged ? picked : {}) },
      audit: [{ at: '2020-01-20T10:00:00.000Z', actor: raisedBy, action: 'raiseConcern', subjectId: id }],
      effects: [],
    });
  }
}

async function seedMentorWhoLeft(world: PrivacyWorld): Promise<void> {
  world.setNow(new Date('2020-03-02T10:00:00Z'));
  const approval = { id: 'ap-1', kind: 'lineManager' as const, approvers: [COORDINATOR], requestedAt: '2020-01-06T10:00:00.000Z', status: 'approved' as const, decidedBy: COORDINATOR, decidedAt: '2020-01-07T10:00:00.000Z' };
  const mentor: Mentor = { ...newMentor(LEFT, {}, world.now()), stage: 'withdrawn', approval };
  await world.mentors.save({ value: mentor, audit: [{ at: '2020-03-02T10:00:00.000Z', actor: LEFT, action: 'withdraw', subjectId: LEFT.id }], effects: [] });
  const records = new MentorMatchingRepository(world.tables.matching, signal, world.now);
  await records.save({ value: { mentorId: LEFT.id, activeMatches: [], conflicts: [], dbs: { checkedOn: '2020-01-10', certificateReference: '001234567890', updateService: false, recordedBy: COORDINATOR, recordedAt: '2020-01-10T10:00:00.000Z' } }, audit: [{ at: '2020-01-10T10:00:00.000Z', actor: COORDINATOR, action: 'recordDbs', subjectId: LEFT.id }], effects: [] });
}

async function seedCohortsAndRota(world: PrivacyWorld): Promise<void> {
  const cohorts = new CohortRepository(world.tables.sessions, signal, world.now);
  const opened = (id: string, name: string, at: string) => ({ id, name, sessionIds: [], openedAt: at, openedBy: COORDINATOR });
  await cohorts.save({ value: { cohorts: [opened('c-2020', '2020 cohort', '2020-01-06T10:00:00.000Z'), opened('c-2027', '2027 cohort', '2027-01-06T10:00:00.000Z')], waitingForDates: [] }, audit: [], effects: [] });
  const rota = new RotaRepository(world.tables.sessions, signal, world.now);
  const home = { id: 'h1', name: 'Oak House' };
  await rota.save({
    value: {
      homes: [home],
      months: ['2020-01', '2020-02', '2027-04'],
      visits: [
        { homeId: home.id, month: '2020-01', member: MEMBER, doneAt: '2020-01-20T10:00:00.000Z', doneBy: MEMBER },
        { homeId: home.id, month: '2020-02', member: MEMBER },
        { homeId: home.id, month: '2027-04', member: person(6, 'Councillor Kept') },
      ],
    },
    audit: [],
    effects: [],
  });
}
