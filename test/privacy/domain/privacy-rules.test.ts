import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  advanceRequest,
  buildExport,
  dueOn,
  isCalendarDate,
  needsReminder,
  newRequest,
  removableFrom,
  renderExportHtml,
  type SubjectAccessRequest,
} from '../../../src/privacy/domain/index.js';

const DPO = { id: 'dpo', name: 'Dana Officer' };
const MENTOR = { kind: 'mentor', personId: 'm-1', name: 'Alex Wilber' } as const;

describe('one calendar month, as the regulator counts it', () => {
  it.each([
    ['2027-01-15', 1, '2027-02-15'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-12-20', 1, '2028-01-20'],
    ['2027-01-31', 3, '2027-04-30'],
    ['2027-05-10', -24, '2025-05-10'],
  ])('%s + %i month(s) is %s', (from, months, expected) => expect(addCalendarMonths(from, months)).toBe(expected));

  it.each([
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-13-01', false],
    ['27-01-01', false],
  ])('%s is a date: %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});

describe('retention periods', () => {
  it.each([
    ['2026-05-10', { months: 6 }, '2026-11-10'],
    ['2026-05-10', { months: 72, toYearEnd: true }, '2033-01-01'],
    ['2026-12-31', { months: 72, toYearEnd: true }, '2033-01-01'],
    ['2026-01-01', { months: 24 }, '2028-01-01'],
  ])('a record from %s with %j may go from %s', (from, period, expected) => expect(removableFrom(from, period)).toBe(expected));
});

describe('a subject access request, step by step', () => {
  const received = newRequest('r1', MENTOR, DPO, '2027-01-31');
  const step = (request: SubjectAccessRequest, name: 'pause' | 'identityConfirmed' | 'review' | 'send', today: string) => {
    const next = advanceRequest(request, { step: name }, DPO, today);
    if (!next.ok) throw new Error(next.error.message);
    return next.value;
  };

  it('is due one calendar month after receipt, moved on by each day paused, and three months once extended', () => {
    expect(dueOn(received, '2027-01-31')).toBe('2027-02-28');
    const paused = step(received, 'pause', '2027-02-02');
    expect(dueOn(paused, '2027-02-09')).toBe('2027-03-07');
    const resumed = step(paused, 'identityConfirmed', '2027-02-12');
    expect(dueOn(resumed, '2027-03-30')).toBe('2027-03-10');
    const extended = advanceRequest(resumed, { step: 'extend', reason: 'Large' }, DPO, '2027-02-13');
    expect(extended.ok && dueOn(extended.value, '2027-02-13')).toBe('2027-05-10');
    const again = extended.ok ? advanceRequest(extended.value, { step: 'extend', reason: 'More' }, DPO, '2027-02-14') : undefined;
    expect(again?.ok ? 'extended twice' : again?.error.code).toBe('ALREADY_EXTENDED');
  });

  it.each([
    ['received', 'identityConfirmed'],
    ['received', 'send'],
    ['paused', 'review'],
    ['paused', 'send'],
    ['inReview', 'pause'],
    ['sent', 'review'],
  ] as const)('refuses from %s the step %s', (state, name) => {
    const result = advanceRequest({ ...received, state }, { step: name }, DPO, '2027-02-01');
    expect(result.ok ? 'allowed' : result.error.code).toBe('REQUEST_STATE');
  });

  it('is reminded inside the last days, once per due date, never when paused or sent', () => {
    expect(needsReminder(received, '2027-02-20', 7)).toBe(false);
    expect(needsReminder(received, '2027-02-21', 7)).toBe(true);
    expect(needsReminder({ ...received, remindedFor: '2027-02-28' }, '2027-02-22', 7)).toBe(false);
    expect(needsReminder({ ...received, state: 'sent' }, '2027-02-27', 7)).toBe(false);
    expect(needsReminder({ ...received, state: 'paused', pausedOn: '2027-02-01' }, '2027-02-27', 7)).toBe(false);
  });
});

describe('the export', () => {
  it('flags every other person named, not the subject, and escapes what it shows', () => {
    const document = buildExport(
      MENTOR,
      [
        { table: 'Mentors', kind: 'audit entry', fields: { actorId: 'm-1', actorName: 'Alex Wilber', action: 'signUp' } },
        { table: 'Mentors', kind: 'mentor', fields: { name: 'Alex Wilber', approvers: [{ id: 'mgr', name: 'Megan Bowen' }], motivation: '<script>x</script>' } },
        { table: 'Relationships', kind: 'refreshment claim', fields: { decidedBy: 'coord-1', amountPence: 500 } },
      ],
      '2027-01-01T00:00:00.000Z',
    );
    expect(document.thirdParties.map((third) => `${third.field}:${third.value}`)).toEqual(['approvers:Megan Bowen', 'approvers:mgr', 'decidedBy:coord-1']);
    const html = renderExportHtml(document);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('For review before release: other people named');
  });
});
