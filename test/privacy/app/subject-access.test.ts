import { beforeAll, describe, expect, it } from 'vitest';
import { exportSubjectAccess, listSubjectAccess, remindSubjectAccessDue, startSubjectAccess, stepSubjectAccess } from '../../../src/privacy/app/subject-access-requests.js';
import type { StoredRow } from '../../../src/privacy/store/personal-tables.js';
import { COORDINATOR, DPO, mentions, privacyWorld, seedPairs, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const START = new Date('2025-01-06T10:00:00Z');
const NOW = new Date('2026-12-01T09:00:00Z');

function perTable(rows: Iterable<[string, StoredRow]>, keep: (key: string, row: StoredRow) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, row] of rows) if (keep(key, row)) counts[key.split('|')[0]!] = (counts[key.split('|')[0]!] ?? 0) + 1;
  return counts;
}

describe('a subject access export holds every row about the person and nothing about anyone else', () => {
  let world: PrivacyWorld;
  let pairs: SeededPair[];

  beforeAll(async () => {
    world = await privacyWorld(START);
    pairs = await seedPairs(world, 3, () => ({ months: 4, since: START }));
    world.setNow(NOW);
  });

  const others = (subject: SeededPair) => pairs.filter((pair) => pair !== subject).flatMap((pair) => [pair.mentor.id, pair.mentor.name, pair.youngPersonId, pair.reference, pair.firstName]);

  it("a mentor's: every row naming them outside young people's records, their own steps there, and no young person's record", async () => {
    const subject = pairs[1]!;
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: subject.mentor.id });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const exported = await exportSubjectAccess(world.deps, DPO, started.value.request.id);
    if (!exported.ok) throw new Error(exported.error.message);
    const words = [subject.mentor.id, subject.mentor.name];
    const stored = await world.allRows();
    // Every stored row that names the mentor is in the export, table by table; in YoungPeople only the audit rows of what they did.
    // Their match's partition goes whole (its meetings, claims, audit and owed messages), even a row only the coordinator wrote.
    const expected = perTable(
      stored,
      (key, row) => (mentions(row, words) && (!key.startsWith('YoungPeople|') || (row.rowKey.startsWith('audit|') && row.actorId === subject.mentor.id))) || key.startsWith(`Relationships|${subject.matchId}|`),
    );
    const got: Record<string, number> = {};
    for (const row of exported.value.document.rows) got[row.table] = (got[row.table] ?? 0) + 1;
    expect(got).toEqual(expected);
    expect(expected).toMatchObject({ Mentors: 2, MentorMatching: 2, Sessions: 2, Broadcasts: 1, Supervision: 1, SupportConcerns: 2, Conversations: 1, YoungPeople: 1 });
    const json = exported.value.json;
    for (const word of [...others(subject), subject.youngPersonId, subject.reference, '2006-06-15', 'Sam Patel']) expect(json).not.toContain(word);
    expect(json).toContain('Welcome to cohort 2');
    expect(json).toContain('Talked about college');
    expect(exported.value.html).toContain('<h1>Information the mentoring scheme holds about Mentor Number2 (mentor)</h1>');
    expect(exported.value.document.thirdParties.map((third) => third.value)).toContain(COORDINATOR.name);
  });

  it("a young person's: their record, its reads, their match's meetings, audit rows about them; their mentor flagged for review", async () => {
    const subject = pairs[0]!;
    const started = await startSubjectAccess(world.deps, DPO, { kind: 'youngPerson', reference: subject.reference });
    if (!started.ok) throw new Error(started.error.message);
    const before = await world.allRows();
    const exported = await exportSubjectAccess(world.deps, DPO, started.value.request.id);
    if (!exported.ok) throw new Error(exported.error.message);
    const words = [subject.youngPersonId, subject.reference, subject.firstName];
    // The mentor's own matching row names the young person but is the mentor's record; the young person's match rows show the match.
    // Their match's partition and the concerns raised about it are theirs too, though those rows name only the match.
    const ownPartition = (key: string) => key.startsWith(`Relationships|${subject.matchId}|`) || key.startsWith(`SupportConcerns|k-1|`);
    const expected = perTable(before, (key, row) => (mentions(row, words) && !key.startsWith('MentorMatching|')) || ownPartition(key));
    const got: Record<string, number> = {};
    for (const row of exported.value.document.rows) got[row.table] = (got[row.table] ?? 0) + 1;
    // The export's own read is logged before it reads: one access row more than before.
    expect(got).toEqual({ ...expected, YoungPersonAccess: (expected.YoungPersonAccess ?? 0) + 1 });
    const json = exported.value.json;
    for (const word of others(subject)) expect(json).not.toContain(word);
    expect(json).toContain('Sam Patel');
    expect(exported.value.document.thirdParties.map((third) => third.value)).toEqual(expect.arrayContaining([subject.mentor.id, COORDINATOR.name, 'Sam Patel']));
    const reads = [...(await world.allRows()).values()].filter((row) => row.youngPersonId === subject.youngPersonId && row.purpose === 'privacy');
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('a request runs received → paused → received → in review → sent; the pause moves the due date, an extension makes it three months', async () => {
    world.setNow(new Date('2027-01-31T09:00:00Z'));
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: pairs[2]!.mentor.id });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.request.id;
    expect(started.value.dueOn).toBe('2027-02-28');
    expect((await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'pause' })).ok).toBe(true);
    world.setNow(new Date('2027-02-05T09:00:00Z'));
    const resumed = await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'identityConfirmed' });
    expect(resumed.ok && resumed.value.dueOn).toBe('2027-03-05'); // 28 February, and the 5 days paused
    const refused = await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'extend', reason: '   ' });
    expect(refused.ok).toBe(false);
    const extended = await stepSubjectAccess(world.deps, DPO, id, { step: 'extend', reason: 'Many records across two services' });
    expect(extended.ok && extended.value.dueOn).toBe('2027-05-05'); // 30 April, and the 5 days paused
    expect((await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'send' })).ok).toBe(false);
    expect((await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'review' })).ok).toBe(true);
    const sent = await stepSubjectAccess(world.deps, COORDINATOR, id, { step: 'send' });
    expect(sent.ok && sent.value.request.state).toBe('sent');
    const listed = await listSubjectAccess(world.deps, DPO);
    expect(listed.ok && listed.value.find((view) => view.request.id === id)?.request.state).toBe('sent');
    const audit = [...(await world.allRows()).values()].filter((row) => row.rowKey.startsWith('audit|') && row.subjectId === id).map((row) => row.action).sort();
    expect(audit).toEqual(['subjectAccess.extend', 'subjectAccess.identityConfirmed', 'subjectAccess.pause', 'subjectAccess.review', 'subjectAccess.send', 'subjectAccessStarted'].sort());
  });

  it('a reminder goes to the coordinators and the DPO a week before the deadline, once', async () => {
    world.setNow(new Date('2027-03-01T09:00:00Z'));
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: pairs[0]!.mentor.id });
    if (!started.ok) throw new Error(started.error.message);
    const owed = async () => [...(await world.allRows()).values()].filter((row) => row.rowKey.startsWith('outbox|') && String(row.message).includes(started.value.request.id));
    world.setNow(new Date('2027-03-20T09:00:00Z'));
    await remindSubjectAccessDue(world.deps);
    expect(await owed()).toEqual([]);
    world.setNow(new Date('2027-03-25T09:00:00Z'));
    await remindSubjectAccessDue(world.deps);
    await remindSubjectAccessDue(world.deps);
    expect((await owed()).map((row) => row.recipientId).sort()).toEqual([COORDINATOR.id, DPO.id].sort());
  });
});
