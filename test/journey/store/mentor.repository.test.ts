import { nobodyRestricted } from '../../support/nobody-restricted.js';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/journey/app/decide-approval.js';
import type { JourneyDeps } from '../../../src/journey/app/journey-deps.js';
import { ConcurrencyError } from '../../../src/platform/app/ports.js';
import { newMentor, submitSignUp } from '../../../src/journey/domain/index.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { freshStorage } from '../../support/storage.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const APPROVERS = [
  { id: 'patti', name: 'Patti' },
  { id: 'isaiah', name: 'Isaiah' },
];

async function repository() {
  const { storage, queue } = await freshStorage();
  const mentors = await storage.openTable('Mentors');
  return { repo: new MentorRepository(mentors, queue, () => NOW), storage, queue, mentors };
}

function awaitingMentor(id: string) {
  const details = { role: 'electedMember' as const, directorateOrWard: 'Ward', jobTitle: 'Councillor', worksInChildrensServices: false, motivation: 'x', declarationOfInterests: 'none' };
  const result = submitSignUp(newMentor({ id, name: 'Adele' }, {}, NOW), details, APPROVERS, `request-${id}`, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the mentor repository on Azurite', () => {
  it('stores and reads a mentor, with ids that Tables would refuse as keys', async () => {
    const { repo } = await repository();
    const id = 'odd/id#with?chars\\and%';
    await repo.save({ value: newMentor({ id, name: 'Odd' }, {}, NOW), audit: [], effects: [] });
    const read = await repo.get(id);
    expect(read?.value.name).toBe('Odd');
    expect(read?.etag).toBeTruthy();
    expect(await repo.get('nobody')).toBeUndefined();
  });

  it('refuses a second create and a stale etag with a ConcurrencyError', async () => {
    const { repo } = await repository();
    const mentor = newMentor({ id: 'a', name: 'A' }, {}, NOW);
    await repo.save({ value: mentor, audit: [], effects: [] });
    await expect(repo.save({ value: mentor, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
    const first = (await repo.get('a'))!;
    await repo.save({ value: { ...mentor, name: 'A1' }, etag: first.etag, audit: [], effects: [] });
    await expect(repo.save({ value: { ...mentor, name: 'A2' }, etag: first.etag, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await repo.get('a'))?.value.name).toBe('A1');
  });

  it('writes the audit entries and the effects in the same transaction as the change', async () => {
    const { repo, mentors } = await repository();
    const mentor = newMentor({ id: 'b', name: 'B' }, {}, NOW);
    const audit = [{ at: NOW.toISOString(), actor: { id: 'b', name: 'B' }, action: 'expressInterest', subjectId: 'b', toStage: 'interested' }];
    const effects = [{ id: 'e1', recipientId: 'c', message: { type: 'approvalDecided' as const, mentorId: 'b', approvalId: 'r' } }];
    await repo.save({ value: mentor, audit, effects });
    const rows: string[] = [];
    for await (const row of mentors.listEntities()) rows.push(row.rowKey ?? '');
    expect(rows.filter((key) => key.startsWith('audit|'))).toHaveLength(1);
    expect(rows).toContain('outbox|e1');
    expect(rows).toContain('mentor');

    // A failed commit leaves nothing behind: not the audit entry, not the effect.
    await expect(repo.save({ value: mentor, audit, effects: [{ ...effects[0]!, id: 'e2' }] })).rejects.toBeInstanceOf(ConcurrencyError);
    const after: string[] = [];
    for await (const row of mentors.listEntities()) after.push(row.rowKey ?? '');
    expect(after).not.toContain('outbox|e2');
    expect(after.filter((key) => key.startsWith('audit|'))).toHaveLength(1);
  });

  it('lets exactly one of two conflicting decisions made at once win', async () => {
    const { repo, mentors } = await repository();
    await repo.save({ value: awaitingMentor('adele'), audit: [], effects: [] });
    const deps: JourneyDeps = {
      mentors: repo,
      directory: { getPerson: async () => undefined, getManager: async () => undefined },
      roles: { coordinators: [], governanceApprovers: APPROVERS, dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: () => false },
      clock: { now: () => NOW },
      restricted: nobodyRestricted,
    };
    const outcomes = await Promise.all([
      decide(deps, APPROVERS[0]!, { mentorId: 'adele', approvalId: 'request-adele', decision: 'approve' }),
      decide(deps, APPROVERS[1]!, { mentorId: 'adele', approvalId: 'request-adele', decision: 'decline', reason: 'No' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const loser = outcomes.find((outcome) => !outcome.ok);
    expect(loser && !loser.ok && loser.error.code).toBe('ALREADY_DECIDED');

    const stored = (await repo.get('adele'))!.value;
    const decisions: string[] = [];
    for await (const row of mentors.listEntities<{ action: string }>()) {
      if (row.rowKey?.startsWith('audit|')) decisions.push(row.action);
    }
    expect(decisions).toEqual([stored.stage === 'approved' ? 'approve' : 'decline']);
  });
});
