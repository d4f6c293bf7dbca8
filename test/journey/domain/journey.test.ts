import { describe, expect, it } from 'vitest';
import { advance, canAdvance, MENTOR_STAGES, type JourneyEvent, type MentorStage } from '../../../src/journey/domain/index.js';

/** The whole state machine, written out: every (stage, event) pair not listed here must be refused. */
const ALLOWED: Array<[MentorStage, JourneyEvent, MentorStage]> = [
  ['interested', 'submitSignUp', 'awaitingApproval'],
  ['declined', 'submitSignUp', 'awaitingApproval'],
  ['withdrawn', 'submitSignUp', 'awaitingApproval'],
  ['awaitingApproval', 'approve', 'approved'],
  ['awaitingApproval', 'decline', 'declined'],
  ['approved', 'bookTraining', 'booked'],
  ['booked', 'cancelTraining', 'approved'],
  ['booked', 'recordTrainingAttendance', 'trained'],
  ['trained', 'unrecordTrainingAttendance', 'booked'],
  ['trained', 'completeProfile', 'profileComplete'],
  ['profileComplete', 'match', 'matched'],
  ['matched', 'recordFirstMeeting', 'active'],
  ['matched', 'endMatch', 'ended'],
  ['active', 'endMatch', 'ended'],
  ['ended', 'offerAgain', 'profileComplete'],
  ...(['interested', 'awaitingApproval', 'approved', 'declined', 'booked', 'trained', 'profileComplete', 'ended'] as const).map(
    (stage): [MentorStage, JourneyEvent, MentorStage] => [stage, 'withdraw', 'withdrawn'],
  ),
];

const EVENTS: JourneyEvent[] = [
  'submitSignUp', 'approve', 'decline', 'bookTraining', 'cancelTraining', 'recordTrainingAttendance', 'unrecordTrainingAttendance',
  'completeProfile', 'match', 'recordFirstMeeting', 'endMatch', 'offerAgain', 'withdraw',
];

describe('the mentor journey', () => {
  it.each(ALLOWED)('from %s, %s leads to %s', (from, event, to) => {
    expect(advance(from, event)).toEqual({ ok: true, value: to });
    expect(canAdvance(from, event)).toBe(true);
  });

  const refused = MENTOR_STAGES.flatMap((stage) => EVENTS.map((event): [MentorStage, JourneyEvent] => [stage, event])).filter(
    ([stage, event]) => !ALLOWED.some(([from, allowed]) => from === stage && allowed === event),
  );

  it.each(refused)('from %s, %s is refused with a reason', (stage, event) => {
    const result = advance(stage, event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(result.error.message).toMatch(/can't/);
    }
  });

  it('nobody books training before approval', () => {
    for (const stage of ['interested', 'awaitingApproval', 'declined', 'withdrawn'] as const) {
      expect(canAdvance(stage, 'bookTraining')).toBe(false);
    }
  });
});
