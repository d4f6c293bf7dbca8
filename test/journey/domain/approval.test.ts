import { describe, expect, it } from 'vitest';
import { decideApproval, newMentor, submitSignUp, type Mentor, type SignUpDetails } from '../../../src/journey/domain/index.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const MANAGER = { id: 'manager', name: 'Megan Bowen' };
const GOVERNANCE = [{ id: 'governance', name: 'Patti Fernandez' }];
const MANAGER_DETAILS: SignUpDetails = {
  role: 'seniorManager',
  directorateOrWard: 'Finance',
  jobTitle: 'Head of Finance',
  worksInChildrensServices: false,
  motivation: 'To help.',
};

function interested(withManager = true): Mentor {
  return newMentor({ id: 'alex', name: 'Alex' }, withManager ? { manager: MANAGER } : {}, NOW);
}

function awaiting(): Mentor {
  const result = submitSignUp(interested(), MANAGER_DETAILS, GOVERNANCE, 'request-1', NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('submitting a sign-up', () => {
  it.each([
    ['a senior manager with a manager goes to the manager', interested(true), MANAGER_DETAILS, 'lineManager', ['manager']],
    ['a senior manager without one goes to governance', interested(false), MANAGER_DETAILS, 'governance', ['governance']],
    [
      'a councillor goes to governance',
      interested(true),
      { ...MANAGER_DETAILS, role: 'electedMember', declarationOfInterests: 'None' } as SignUpDetails,
      'governance',
      ['governance'],
    ],
  ])('%s', (_name, mentor, details, kind, approverIds) => {
    const result = submitSignUp(mentor, details, GOVERNANCE, 'request-1', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.stage).toBe('awaitingApproval');
    expect(result.value.approval?.kind).toBe(kind);
    expect(result.value.approval?.approvers.map((approver) => approver.id)).toEqual(approverIds);
  });

  it.each([
    ['a councillor without a declaration', interested(), { ...MANAGER_DETAILS, role: 'electedMember' } as SignUpDetails, GOVERNANCE, 'DECLARATION_REQUIRED'],
    ['nobody to approve', interested(false), MANAGER_DETAILS, [], 'NO_APPROVER'],
    ['someone already waiting', awaiting(), MANAGER_DETAILS, GOVERNANCE, 'TRANSITION_NOT_ALLOWED'],
  ])('refuses %s', (_name, mentor, details, governance, code) => {
    const result = submitSignUp(mentor, details, governance, 'request-2', NOW);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('never makes an applicant their own approver', () => {
    const selfManaged = newMentor({ id: 'alex', name: 'Alex' }, { manager: { id: 'alex', name: 'Alex' } }, NOW);
    const result = submitSignUp(selfManaged, MANAGER_DETAILS, [{ id: 'alex', name: 'Alex' }], 'request-1', NOW);
    expect(result.ok ? 'ok' : result.error.code).toBe('NO_APPROVER');
  });
});

describe('deciding a request', () => {
  const later = new Date('2026-11-03T09:00:00Z');

  it.each([
    ['the manager approves', MANAGER, 'approve', undefined, 'approved'],
    ['the manager declines with a reason', MANAGER, 'decline', 'Not this year', 'declined'],
  ] as const)('%s', (_name, actor, decision, reason, stage) => {
    const result = decideApproval(awaiting(), 'request-1', actor, decision, reason, later);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.stage).toBe(stage);
    expect(result.value.approval?.decidedBy).toEqual(actor);
    expect(result.value.approval?.decidedAt).toBe(later.toISOString());
  });

  it.each([
    ['someone who is not the approver', awaiting(), 'request-1', { id: 'other', name: 'Other' }, 'approve', undefined, 'NOT_APPROVER'],
    ['the applicant themselves', awaiting(), 'request-1', { id: 'alex', name: 'Alex' }, 'approve', undefined, 'NOT_APPROVER'],
    ['a card for an older request', awaiting(), 'request-0', MANAGER, 'approve', undefined, 'APPROVAL_NOT_FOUND'],
    ['a decline without a reason', awaiting(), 'request-1', MANAGER, 'decline', undefined, 'REASON_REQUIRED'],
  ] as const)('refuses %s', (_name, mentor, approvalId, actor, decision, reason, code) => {
    const result = decideApproval(mentor, approvalId, actor, decision, reason, later);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('refuses a second decision, whichever way it goes', () => {
    const first = decideApproval(awaiting(), 'request-1', MANAGER, 'approve', undefined, later);
    if (!first.ok) throw new Error('first decision failed');
    for (const decision of ['approve', 'decline'] as const) {
      const second = decideApproval(first.value, 'request-1', MANAGER, decision, 'reason', later);
      expect(second.ok ? 'ok' : second.error.code).toBe('ALREADY_DECIDED');
    }
  });
});
