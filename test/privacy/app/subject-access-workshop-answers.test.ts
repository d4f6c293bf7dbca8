import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/platform/kernel/person.js';
import { exportSubjectAccess, startSubjectAccess } from '../../../src/privacy/app/subject-access-requests.js';
import { aSession } from '../../sessions/domain/session.fixture.js';
import { COORDINATOR, DPO, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const SUBJECT: PersonRef = { id: 'a0000091-0000-4000-8000-000000000091', name: 'Workshop Answerer' };
const OTHER: PersonRef = { id: 'a0000092-0000-4000-8000-000000000092', name: 'Another Answerer' };

/** A mentor's "Can't make it" to a workshop invitation is their data: it is in their export, the others' answers are not. */
describe('a subject access export holds the workshop answers the person gave', () => {
  let world: PrivacyWorld;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    for (const each of [SUBJECT, OTHER]) world.people.set(each.id, each);
    const declined = [
      { personId: SUBJECT.id, displayName: SUBJECT.name, at: '2026-11-20T10:00:00.000Z' },
      { personId: OTHER.id, displayName: OTHER.name, at: '2026-11-21T10:00:00.000Z' },
    ];
    await world.sessions.save({ session: aSession({ id: 'workshop-1', kind: 'memberWorkshop', title: 'Children in Care Council workshop', declined }), version: 1, audit: [], effects: [] });
    await world.sessions.save({ session: aSession({ id: 'workshop-2', kind: 'shadowing', title: 'Shadowing day', declined: [declined[1]!] }), version: 1, audit: [], effects: [] });
  });

  it('lists the session with their answer alone, and not a session only someone else answered', async () => {
    const started = await startSubjectAccess(world.deps, COORDINATOR, { kind: 'mentor', personId: SUBJECT.id });
    if (!started.ok) throw new Error(started.error.message);
    const exported = await exportSubjectAccess(world.deps, DPO, started.value.request.id);
    if (!exported.ok) throw new Error(exported.error.message);
    const sessions = exported.value.document.rows.filter((row) => row.table === 'Sessions');
    expect(sessions.map((row) => [row.fields.title, row.fields.declined])).toEqual([
      ['Children in Care Council workshop', [{ personId: SUBJECT.id, displayName: SUBJECT.name, at: '2026-11-20T10:00:00.000Z' }]],
    ]);
    expect(exported.value.json).not.toContain(OTHER.id);
    expect(exported.value.json).not.toContain(OTHER.name);
    expect(exported.value.json).not.toContain('Shadowing day');
  });
});
