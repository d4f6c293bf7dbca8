import { describe, expect, it } from 'vitest';
import { MENTOR_STAGES, type MentorStage } from '../../../src/journey/domain/stage.js';
import { mayBook, SESSION_KINDS, type SessionKind } from '../../../src/sessions/domain/index.js';

const ALLOWED: Record<SessionKind, readonly (MentorStage | undefined)[] | 'anyone'> = {
  informationSession: ['approved', 'booked'],
  training: ['approved', 'booked'],
  supervision: ['matched', 'active'],
  memberWorkshop: 'anyone',
  shadowing: 'anyone',
  regulation33Visit: 'anyone',
};

const stages: readonly (MentorStage | undefined)[] = [undefined, ...MENTOR_STAGES];

describe('mayBook', () => {
  const cases = SESSION_KINDS.flatMap((kind) => stages.map((stage) => ({ kind, stage })));

  it.each(cases)('$kind for stage $stage', ({ kind, stage }) => {
    const allowed = ALLOWED[kind];
    const expected = allowed === 'anyone' || allowed.includes(stage);
    const result = mayBook(kind, stage);
    expect(result.ok).toBe(expected);
    if (!result.ok) expect(result.error.code).toBe('NOT_ELIGIBLE');
  });

  it.each([
    ['training', 'awaitingApproval', 'once your sign-up has been approved'],
    ['informationSession', 'interested', 'once your sign-up has been approved'],
    ['training', undefined, 'Sign up as a mentor first'],
    ['training', 'trained', 'already completed the training'],
    ['supervision', 'approved', 'matched with a young person'],
  ] as const)('explains why %s is refused at stage %s', (kind, stage, words) => {
    const result = mayBook(kind, stage);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(words);
  });

  it('never lets anyone before approval book the information session or training', () => {
    const beforeApproval: MentorStage[] = ['interested', 'awaitingApproval', 'declined'];
    for (const kind of ['informationSession', 'training'] as const) {
      for (const stage of beforeApproval) expect(mayBook(kind, stage).ok).toBe(false);
    }
  });
});
