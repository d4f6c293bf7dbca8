import { describe, expect, it } from 'vitest';
import { chooseMentorNext } from '../../../src/relationship/app/end-relationship.js';
import { followUpRelationships } from '../../../src/relationship/app/follow-up-relationships.js';
import { relationshipWorld } from '../../support/relationship-storage.js';

const MENTOR = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Alex Wilber' };

describe('the 18-month term (Azurite)', () => {
  it('ends the match at 18 months, once, and leaves the mentor to choose what next', async () => {
    const world = await relationshipWorld(new Date('2025-01-31T10:00:00Z'));
    await world.seedMatch(MENTOR, 'yp-1', 'match-1', '2025-01-31');
    const deps = world.instance();

    world.setNow(new Date('2026-07-30T10:00:00Z'));
    await followUpRelationships(deps);
    expect((await world.relationships.get('match-1'))?.value.status).toBe('active');

    // 31 January + 18 months is 31 July.
    world.setNow(new Date('2026-07-31T10:00:00Z'));
    const [first, second] = await Promise.all([followUpRelationships(deps), followUpRelationships(world.instance())]);
    expect(first.ended + second.ended).toBeGreaterThanOrEqual(1);
    const ended = (await world.relationships.get('match-1'))?.value;
    expect(ended).toMatchObject({ status: 'ended', ending: { reason: 'termComplete', youngPerson: 'noFurtherMatch', endedBy: { id: 'system' } } });
    expect(ended?.ending?.settledAt).toBeDefined();
    expect(ended?.ending?.mentorNext).toBeUndefined();
    expect(await deps.matches.forMentor(MENTOR.id)).toEqual([]);
    expect((await world.mentors.get(MENTOR.id))?.value.stage).toBe('ended');

    expect((await chooseMentorNext(deps, { id: 'b0000000-0000-4000-8000-000000000002', name: 'Someone' }, 'match-1', 'stepDown')).ok).toBe(false);
    expect((await chooseMentorNext(deps, MENTOR, 'match-1', 'offerAgain')).ok).toBe(true);
    expect((await chooseMentorNext(deps, MENTOR, 'match-1', 'stepDown')).ok).toBe(true);
    expect((await world.relationships.get('match-1'))?.value.ending?.mentorNext).toBe('offerAgain');
    expect((await world.mentors.get(MENTOR.id))?.value.stage).toBe('profileComplete');
  });
});
