import { beforeAll, describe, expect, it } from 'vitest';
import { erasePerson, mayErase } from '../../../src/privacy/app/erasure.js';
import { liftLegalHold, placeLegalHold } from '../../../src/privacy/app/legal-holds.js';
import { liftRestriction, listRestrictions, restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { boardFigures, retentionDryRun } from '../../../src/privacy/app/retention-run.js';
import { exportSubjectAccess, listSubjectAccess, startSubjectAccess, stepSubjectAccess } from '../../../src/privacy/app/subject-access-requests.js';
import type { Result } from '../../../src/platform/kernel/result.js';
import { COORDINATOR, DPO, SOMEONE_ELSE, privacyWorld, seedPair, type PrivacyWorld, type SeededPair } from '../../support/privacy-storage.js';

/** Who may act is decided in the use case: everyone but the coordinators and the DPO is refused, and nothing is stored. */
describe('every privacy use case refuses anyone else, and stores nothing', () => {
  let world: PrivacyWorld;
  let pair: SeededPair;
  let requestId: string;

  beforeAll(async () => {
    world = await privacyWorld(new Date('2026-01-05T10:00:00Z'));
    pair = await seedPair(world, 1, { months: 1, since: new Date('2026-01-05T10:00:00Z'), endedOn: '2026-02-01' });
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: pair.mentor.id });
    if (!started.ok) throw new Error(started.error.message);
    requestId = started.value.request.id;
    await placeLegalHold(world.deps, COORDINATOR, pair.mentor.id, 'A claim');
    await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: pair.mentor.id }, 'Contests accuracy');
  });

  const mentor = () => ({ kind: 'mentor' as const, personId: pair.mentor.id });
  const coordinatorOrDpo: Array<[string, () => Promise<Result<unknown>>]> = [
    ['start a subject access request', () => startSubjectAccess(world.deps, SOMEONE_ELSE, mentor())],
    ['step a request', () => stepSubjectAccess(world.deps, SOMEONE_ELSE, requestId, { step: 'pause' })],
    ['export a request', () => exportSubjectAccess(world.deps, SOMEONE_ELSE, requestId)],
    ['list requests', () => listSubjectAccess(world.deps, SOMEONE_ELSE)],
    ['place a legal hold', () => placeLegalHold(world.deps, SOMEONE_ELSE, pair.youngPersonId, 'No')],
    ['lift a legal hold', () => liftLegalHold(world.deps, SOMEONE_ELSE, pair.mentor.id)],
    ['ask for a dry run', () => retentionDryRun(world.deps, SOMEONE_ELSE)],
    ['read the board figures', () => boardFigures(world.deps, SOMEONE_ELSE)],
  ];
  const dpoOnly: Array<[string, () => Promise<Result<unknown>>]> = [
    ['restrict', () => restrictPerson(world.deps, COORDINATOR, { kind: 'youngPerson', reference: pair.reference }, 'No')],
    ['lift a restriction', () => liftRestriction(world.deps, COORDINATOR, pair.mentor.id)],
    ['list the restricted', () => listRestrictions(world.deps, COORDINATOR)],
    ['erase', () => erasePerson(world.deps, COORDINATOR, mentor())],
    ['be asked to confirm an erasure', async () => mayErase(world.deps, COORDINATOR)],
  ];

  it.each(coordinatorOrDpo)('someone else may not %s', async (_name, act) => {
    const before = await world.allRows();
    const result = await act();
    expect(result.ok ? 'allowed' : result.error.code).toBe('NOT_PRIVACY_OFFICER');
    expect([...(await world.allRows()).keys()].sort()).toEqual([...before.keys()].sort());
  });

  it.each(dpoOnly)('a coordinator may not %s', async (_name, act) => {
    const before = await world.allRows();
    const result = await act();
    expect(result.ok ? 'allowed' : result.error.code).toBe('NOT_DPO');
    expect([...(await world.allRows()).keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('every step the coordinators and the DPO took is audited, with who', async () => {
    const audit = [...(await world.allRows()).values()].filter((row) => ['subjectAccessStarted', 'legalHoldPlaced', 'restricted'].includes(String(row.action)));
    expect(audit.map((row) => `${row.action} by ${row.actorName}`).sort()).toEqual(['legalHoldPlaced by Isaiah Langer', 'restricted by Dana Officer', 'subjectAccessStarted by Isaiah Langer']);
  });
});
