import { describe, expect, it } from 'vitest';
import { addWorkingDays, approvalFollowUp, type ApprovalRequest } from '../../../src/journey/domain/index.js';

// Monday 2 November 2026, 10:00
const REQUESTED = '2026-11-02T10:00:00.000Z';
const POLICY = { reminderAfterWorkingDays: 3, escalationAfterWorkingDays: 2 };
const pending: ApprovalRequest = { id: 'r', kind: 'lineManager', approvers: [{ id: 'm', name: 'M' }], requestedAt: REQUESTED, status: 'pending' };

describe('working days', () => {
  it.each([
    ['Monday + 3', '2026-11-02T10:00:00Z', 3, '2026-11-05'],
    ['Thursday + 2 skips the weekend', '2026-11-05T10:00:00Z', 2, '2026-11-09'],
    ['Friday + 1 is Monday', '2026-11-06T10:00:00Z', 1, '2026-11-09'],
    ['Saturday + 1 is Monday', '2026-11-07T10:00:00Z', 1, '2026-11-09'],
  ])('%s', (_name, from, days, expected) => {
    expect(addWorkingDays(new Date(from), days).toISOString().slice(0, 10)).toBe(expected);
  });

  it('skips bank holidays it is given', () => {
    expect(addWorkingDays(new Date('2026-12-24T10:00:00Z'), 1, new Set(['2026-12-25'])).toISOString().slice(0, 10)).toBe('2026-12-28');
  });
});

describe('following up a pending request', () => {
  it.each([
    ['two working days in: nothing yet', pending, '2026-11-04T10:00:00Z', 'none'],
    ['three working days in: remind', pending, '2026-11-05T10:00:00Z', 'remind'],
    ['reminded already: nothing more until escalation', { ...pending, remindedAt: '2026-11-05T10:00:00Z' }, '2026-11-06T10:00:00Z', 'none'],
    ['two working days after the reminder was due: escalate', { ...pending, remindedAt: '2026-11-05T10:00:00Z' }, '2026-11-09T10:00:00Z', 'escalate'],
    ['escalated already: nothing more', { ...pending, remindedAt: 'x', escalatedAt: 'y' }, '2026-12-01T10:00:00Z', 'none'],
    ['down for weeks: escalate rather than a late reminder', pending, '2026-11-30T10:00:00Z', 'escalate'],
    ['decided: nothing', { ...pending, status: 'approved' as const }, '2026-12-01T10:00:00Z', 'none'],
  ])('%s', (_name, approval, now, expected) => {
    expect(approvalFollowUp(approval, POLICY, new Date(now))).toBe(expected);
  });
});
