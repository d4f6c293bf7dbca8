import { beforeAll, describe, expect, it } from 'vitest';
import { newMentor } from '../../../src/journey/domain/index.js';
import { placeLegalHold } from '../../../src/privacy/app/legal-holds.js';
import { boardFigures, retentionDryRun, runRetention } from '../../../src/privacy/app/retention-run.js';
import type { StoredRow } from '../../../src/privacy/store/personal-tables.js';
import { COORDINATOR, DPO, SOMEONE_ELSE, mentions, privacyWorld, seedPair, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

const DECLINED = { id: 'f0000000-0000-4000-8000-00000000000f', name: 'Declined Person' };

describe('the retention job removes what passed its date, keeps what is held, and the figures stay true', () => {
  let world: PrivacyWorld;
  let gone: SeededPair;
  let active: SeededPair;
  let held: SeededPair;
  let figuresBefore: unknown;

  beforeAll(async () => {
    world = await privacyWorld(new Date('2020-01-06T10:00:00Z'));
    gone = await seedPair(world, 1, { months: 4, since: new Date('2020-01-06T10:00:00Z'), endedOn: '2020-06-30' });
    held = await seedPair(world, 3, { months: 4, since: new Date('2020-01-06T10:00:00Z'), endedOn: '2020-06-30' });
    world.setNow(new Date('2024-06-03T10:00:00Z'));
    active = await seedPair(world, 2, { months: 18, since: new Date('2024-06-03T10:00:00Z') });
    world.setNow(new Date('2020-02-01T10:00:00Z'));
    await world.mentors.save({ value: { ...newMentor(DECLINED, {}, new Date('2020-02-01T10:00:00Z')), stage: 'declined' }, audit: [{ at: '2020-02-01T10:00:00Z', actor: COORDINATOR, action: 'decline', subjectId: DECLINED.id }], effects: [] });
    world.setNow(new Date('2027-06-01T02:00:00Z'));
    const hold = await placeLegalHold(world.deps, DPO, held.youngPersonId, 'Claim against the council, letter of 12 May 2027');
    const mentorHold = await placeLegalHold(world.deps, COORDINATOR, held.mentor.id, 'Same claim');
    expect(hold.ok && mentorHold.ok).toBe(true);
    const figures = await boardFigures(world.deps, COORDINATOR);
    figuresBefore = figures.ok ? [...figures.value].sort() : undefined;
  });

  const rowsNaming = async (pair: SeededPair): Promise<StoredRow[]> =>
    [...(await world.allRows()).entries()].filter(([key, row]) => mentions(row, [pair.youngPersonId, pair.reference]) || key.startsWith(`Relationships|${pair.matchId}|meeting`)).map(([, row]) => row);

  it('the first run only reports, to the coordinators and the DPO, what it would remove', async () => {
    const before = (await world.allRows()).size;
    const outcome = await runRetention(world.deps, await world.lease('instance-a'));
    expect(outcome).toEqual({
      ran: true,
      mode: 'dryRun',
      counts: { declinedSignUp: 1, youngPersonRecord: 1, meetingLog: 4 + 12, refreshmentClaim: 4, accessLog: 1 },
    });
    const after = await world.allRows();
    // Nothing removed; the run's record, its audit row and two notices written.
    expect(after.size).toBe(before + 4);
    const notices = [...after.values()].filter((row) => row.partitionKey === 'notices').map((row) => row.recipientId).sort();
    expect(notices).toEqual([COORDINATOR.id, DPO.id].sort());
    expect(await runRetention(world.deps, await world.lease('instance-a'))).toEqual({ ran: false });
  });

  it('the next day one instance removes, in batches, and records counts by class, never content', async () => {
    world.setNow(new Date('2027-06-02T02:00:00Z'));
    const heldBefore = await rowsNaming(held);
    const [first, second] = await Promise.all([runRetention(world.deps, await world.lease('instance-a')), runRetention(world.deps, await world.lease('instance-b'))]);
    const acted = [first, second].filter((outcome) => outcome.ran);
    expect(acted).toEqual([{ ran: true, mode: 'removal', counts: { declinedSignUp: 1, youngPersonRecord: 1, meetingLog: 16, refreshmentClaim: 4, accessLog: 1 } }]);
    const rows = await world.allRows();
    expect([...rows.entries()].filter(([, row]) => mentions(row, [DECLINED.id, DECLINED.name])).map(([key]) => key)).toEqual([]);
    expect(await rowsNaming(gone)).toEqual([]);
    expect([...rows.keys()].filter((key) => key.startsWith(`Relationships|${gone.matchId}|claim`))).toEqual([]);
    // Held: every row as it was.
    expect((await rowsNaming(held)).map((row) => row.rowKey).sort()).toEqual(heldBefore.map((row) => row.rowKey).sort());
    // Active: meetings older than 24 months gone, the later ones and every claim kept.
    const meetings = [...rows.keys()].filter((key) => key.startsWith(`Relationships|${active.matchId}|meeting`));
    expect(meetings).toHaveLength(6);
    expect([...rows.keys()].filter((key) => key.startsWith(`Relationships|${active.matchId}|claim`))).toHaveLength(18);
    const runs = await world.store.runs();
    expect(runs.map((run) => run.mode)).toEqual(['dryRun', 'removal']);
    expect(JSON.stringify(runs)).not.toMatch(/Robin|LC-|Mentor Number|a000|b000/);
    const audit = [...rows.values()].find((row) => row.action === 'retentionRun');
    expect(audit?.detail).toBe('DECLINEDSIGNUP_1.YOUNGPERSONRECORD_1.MEETINGLOG_16.REFRESHMENTCLAIM_4.ACCESSLOG_1');
  });

  it("the board's figures (counts, minutes and pence by class and month) are the same after removal", async () => {
    const figures = await boardFigures(world.deps, COORDINATOR);
    expect(figures.ok && [...figures.value].sort()).toEqual(figuresBefore);
    expect(figuresBefore).toContainEqual(['meetingLog|2020-02', { count: 2, minutes: 182, pence: 0 }]);
  });

  it('a run again removes nothing more, and a dry run on demand reports nothing due; others are refused', async () => {
    world.setNow(new Date('2027-06-03T02:00:00Z'));
    const rows = (await world.allRows()).size;
    const again = await runRetention(world.deps, await world.lease('instance-b'));
    expect(again).toEqual({ ran: true, mode: 'removal', counts: {} });
    expect((await world.allRows()).size).toBe(rows + 2);
    const asked = await retentionDryRun(world.deps, DPO);
    expect(asked.ok && asked.value).toEqual({});
    const refused = await retentionDryRun(world.deps, SOMEONE_ELSE);
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('NOT_PRIVACY_OFFICER');
    const hold = await placeLegalHold(world.deps, SOMEONE_ELSE, gone.mentor.id, 'no');
    expect(hold.ok ? 'allowed' : hold.error.code).toBe('NOT_PRIVACY_OFFICER');
  });

  it('a hold is audited with who placed it; its reason stays in the hold, not in the audit row', async () => {
    const rows = [...(await world.allRows()).values()].filter((row) => row.action === 'legalHoldPlaced');
    expect(rows.map((row) => row.actorName).sort()).toEqual([COORDINATOR.name, DPO.name].sort());
    expect(JSON.stringify(rows)).not.toContain('Claim against');
  });
});
