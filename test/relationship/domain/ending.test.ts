import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/journey/domain/index.js';
import { endMatch, type EndReason, type MentorNext } from '../../../src/relationship/domain/index.js';

const AT = new Date('2025-09-01T10:00:00Z');

describe('endMatch: what follows an ending', () => {
  it.each([
    ['termComplete', 'offerAgain', 18, 'noFurtherMatch', ['endMatch', 'offerAgain']],
    ['termComplete', 'stepDown', 6, 'noFurtherMatch', ['endMatch', 'withdraw']],
    ['relationshipBrokeDown', 'offerAgain', 2, 'returnToMatchingList', ['endMatch', 'offerAgain']],
    ['relationshipBrokeDown', 'stepDown', 2, 'returnToMatchingList', ['endMatch', 'withdraw']],
    ['youngPersonMovedOn', 'offerAgain', 4, 'noFurtherMatch', ['endMatch', 'offerAgain']],
    ['mentorUnavailable', 'stepDown', 3, 'askAboutNewMentor', ['endMatch', 'withdraw']],
  ] as const)('%s, mentor chooses %s after %i months', (reason, mentorNext, monthsElapsed, youngPerson, events) => {
    const result = endMatch({ reason, mentorNext, monthsElapsed, endedBy: 'coord', at: AT });
    expect(result).toEqual({ ok: true, value: { reason, endedBy: 'coord', endedAt: AT, youngPerson, mentor: mentorNext, mentorEvents: events } });
  });

  it.each([0, 5])('refuses "term complete" after %i months', (monthsElapsed) => {
    const result = endMatch({ reason: 'termComplete', mentorNext: 'offerAgain', monthsElapsed, endedBy: 'coord', at: AT });
    expect(result.ok ? 'OK' : result.error.code).toBe('TERM_NOT_COMPLETE');
  });

  it('refuses a reason it does not know', () => {
    const result = endMatch({ reason: 'bored' as EndReason, mentorNext: 'offerAgain', monthsElapsed: 7, endedBy: 'coord', at: AT });
    expect(result.ok ? 'OK' : result.error.code).toBe('END_REASON_INVALID');
  });

  it.each(['offerAgain', 'stepDown'] as MentorNext[])('the mentor journey accepts the steps (%s) from active', (mentorNext) => {
    const result = endMatch({ reason: 'relationshipBrokeDown', mentorNext, monthsElapsed: 2, endedBy: 'u1', at: AT });
    if (!result.ok) throw new Error(result.error.message);
    let stage = advance('active', result.value.mentorEvents[0] ?? 'endMatch');
    for (const event of result.value.mentorEvents.slice(1)) {
      if (!stage.ok) break;
      stage = advance(stage.value, event);
    }
    expect(stage).toEqual({ ok: true, value: mentorNext === 'offerAgain' ? 'profileComplete' : 'withdrawn' });
  });
});
