import { describe, expect, it } from 'vitest';
import { inStage, newMentor, stageStartedAt, type Mentor } from '../../../src/journey/domain/index.js';

const SIGNED_UP = new Date('2026-10-01T09:00:00Z');
const LATER = new Date('2026-11-15T14:30:00Z');
const person = { id: 'mentor-1', name: 'Alex Wilber' };

describe("a mentor's stage start: what the coordinator's days in stage count from", () => {
  it('starts when interest is expressed', () => {
    const mentor = newMentor(person, {}, SIGNED_UP);
    expect(stageStartedAt(mentor)).toEqual({ at: SIGNED_UP.toISOString(), known: true });
  });

  it.each([
    { from: 'approved', to: 'booked', stageSince: LATER.toISOString() },
    { from: 'trained', to: 'profileComplete', stageSince: LATER.toISOString() },
    // A write that leaves the stage where it was (a reminder's follow-up) is a change to the record, not to the stage.
    { from: 'booked', to: 'booked', stageSince: SIGNED_UP.toISOString() },
  ] as const)('$from → $to: stage since $stageSince, the record changed now', ({ from, to, stageSince }) => {
    const mentor: Mentor = { ...newMentor(person, {}, SIGNED_UP), stage: from };
    const moved = inStage(mentor, to, LATER);
    expect({ stage: moved.stage, stageSince: moved.stageSince, updatedAt: moved.updatedAt }).toEqual({ stage: to, stageSince, updatedAt: LATER.toISOString() });
  });

  it('falls back to the last change on record, and says so, for a record stored before the stage start was kept', () => {
    const { stageSince: _dropped, ...old } = { ...newMentor(person, {}, SIGNED_UP), stage: 'trained' as const, updatedAt: LATER.toISOString() };
    expect(stageStartedAt(old)).toEqual({ at: LATER.toISOString(), known: false });
    // Its next stage change starts the count properly.
    const next = new Date('2026-12-01T10:00:00Z');
    expect(stageStartedAt(inStage(old, 'profileComplete', next))).toEqual({ at: next.toISOString(), known: true });
  });
});
