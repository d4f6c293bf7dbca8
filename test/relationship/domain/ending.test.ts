import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/journey/domain/index.js';
import { endMatch, parseEndingForm, youngPersonNextFor, type EndReason, type MentorNext } from '../../../src/relationship/domain/index.js';

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

describe('parseEndingForm: every problem at once, nothing accepted that should not be', () => {
  const mentor = { byMentor: true, monthsElapsed: 3 };
  const coordinator = { byMentor: false, monthsElapsed: 3 };
  const fields = (result: ReturnType<typeof parseEndingForm>) => (result.ok ? 'OK' : result.problems.map((problem) => problem.field).join(','));
  it.each([
    ['a mentor with nothing chosen', {}, mentor, 'reason,mentorNext'],
    ['a coordinator with nothing chosen', {}, coordinator, 'reason'],
    ['a reason not on the list', { reason: 'bored', mentorNext: 'stepDown' }, mentor, 'reason'],
    ['a mentor recording a safeguarding decision', { reason: 'safeguardingDecision', mentorNext: 'stepDown' }, mentor, 'reason'],
    ['a coordinator recording a safeguarding decision', { reason: 'safeguardingDecision' }, coordinator, 'OK'],
    ['term complete before six months', { reason: 'termComplete' }, coordinator, 'reason'],
    ['term complete after six months', { reason: 'termComplete' }, { byMentor: false, monthsElapsed: 6 }, 'OK'],
    ['a note too long', { reason: 'youngPersonMovedOn', note: 'x'.repeat(501) }, coordinator, 'note'],
    ['a note that is not text', { reason: 'youngPersonMovedOn', note: 42 }, coordinator, 'note'],
    ['everything wrong at once', { reason: 'x', note: '\u202E', mentorNext: 'maybe' }, mentor, 'reason,note,mentorNext'],
    ['a good mentor form', { reason: 'relationshipBrokeDown', mentorNext: 'offerAgain', note: '  tidy  ' }, mentor, 'OK'],
  ] as const)('%s', (_name, input, rules, expected) => {
    expect(fields(parseEndingForm(input, rules))).toBe(expected);
  });

  it('keeps the mentor’s choice only when the mentor ends it, and tidies the note', () => {
    expect(parseEndingForm({ reason: 'youngPersonMovedOn', mentorNext: 'stepDown', note: ' ok ' }, coordinator)).toEqual({ ok: true, value: { reason: 'youngPersonMovedOn', note: 'ok' } });
  });

  it.each([
    ['relationshipBrokeDown', false, 'returnToMatchingList'],
    ['mentorUnavailable', false, 'askAboutNewMentor'],
    ['safeguardingDecision', false, 'holdForReview'],
    ['youngPersonNoLongerWants', false, 'noFurtherMatch'],
    ['relationshipBrokeDown', true, 'noFurtherMatch'],
    ['mentorUnavailable', true, 'noFurtherMatch'],
  ] as const)('%s (closing the record: %s): the young person %s', (reason, closeRecord, next) => {
    expect(youngPersonNextFor(reason, closeRecord)).toBe(next);
  });
});
