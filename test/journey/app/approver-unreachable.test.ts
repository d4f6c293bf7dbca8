import { describe, expect, it } from 'vitest';
import { tellApplicantApproverUnreachable } from '../../../src/journey/app/approver-unreachable.js';

describe('who else is told when an approval request cannot be delivered', () => {
  const request = { id: 'a1.request.megan', recipientId: 'megan', message: { type: 'approvalRequest' as const, mentorId: 'alex', approvalId: 'a1' } };

  it('tells the applicant which approver could not be reached', () => {
    expect(tellApplicantApproverUnreachable(request)).toEqual([
      { id: 'a1.unreachable.megan', recipientId: 'alex', message: { type: 'approverUnreachable', mentorId: 'alex', approvalId: 'a1', approverId: 'megan' } },
    ]);
  });

  it('gives a failed reminder the same id, so the applicant is told once per approver', () => {
    const reminder = { ...request, id: 'a1.reminder.megan.1', message: { ...request.message, reminder: true } };
    expect(tellApplicantApproverUnreachable(reminder).map((effect) => effect.id)).toEqual(['a1.unreachable.megan']);
  });

  it('adds nothing for other messages', () => {
    expect(tellApplicantApproverUnreachable({ id: 'x', recipientId: 'alex', message: { type: 'approvalDecided', mentorId: 'alex', approvalId: 'a1' } })).toEqual([]);
  });
});
