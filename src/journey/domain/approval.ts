import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { ApprovalKind, ApprovalRequest, Decision } from './approval-request.js';
import { advance } from './journey.js';
import { inStage, type Mentor, type SignUpDetails } from './mentor.js';

export type SignUpErrorCode = 'TRANSITION_NOT_ALLOWED' | 'NO_APPROVER' | 'DECLARATION_REQUIRED';

/** A senior manager's line manager decides; a councillor (or anyone the directory gives no manager) goes to governance. */
export function chooseApprovers(
  mentor: Mentor,
  details: SignUpDetails,
  governanceApprovers: readonly PersonRef[],
): Result<{ kind: ApprovalKind; approvers: readonly PersonRef[] }, SignUpErrorCode> {
  const manager = mentor.directory.manager;
  if (details.role === 'seniorManager' && manager && manager.id !== mentor.id) {
    return ok({ kind: 'lineManager', approvers: [manager] });
  }
  const others = governanceApprovers.filter((approver) => approver.id !== mentor.id);
  if (others.length === 0) {
    return fail('NO_APPROVER', 'There is nobody set up to approve your request yet. The scheme coordinator has been told.');
  }
  return ok({ kind: 'governance', approvers: others });
}

/** `requestId` must be unguessable: holding it is what lets someone see the request's status. */
export function submitSignUp(
  mentor: Mentor,
  details: SignUpDetails,
  governanceApprovers: readonly PersonRef[],
  requestId: string,
  now: Date,
): Result<Mentor, SignUpErrorCode> {
  const next = advance(mentor.stage, 'submitSignUp');
  if (!next.ok) return next;
  if (details.role === 'electedMember' && !details.declarationOfInterests) {
    return fail('DECLARATION_REQUIRED', 'As an elected member, please complete the declaration of interests.');
  }
  const chosen = chooseApprovers(mentor, details, governanceApprovers);
  if (!chosen.ok) return chosen;
  const at = now.toISOString();
  const approval: ApprovalRequest = {
    id: requestId,
    kind: chosen.value.kind,
    approvers: chosen.value.approvers,
    requestedAt: at,
    status: 'pending',
  };
  return ok({ ...inStage(mentor, next.value, now), details, consentedAt: at, approval });
}

export type DecisionErrorCode = 'NOT_APPROVER' | 'APPROVAL_NOT_FOUND' | 'ALREADY_DECIDED' | 'REASON_REQUIRED';

export function isApprover(approval: ApprovalRequest, personId: string): boolean {
  return approval.approvers.some((approver) => approver.id === personId);
}

export function decideApproval(
  mentor: Mentor,
  approvalId: string,
  actor: PersonRef,
  decision: Decision,
  reason: string | undefined,
  now: Date,
): Result<Mentor, DecisionErrorCode> {
  const approval = mentor.approval;
  if (!approval || approval.id !== approvalId) {
    return fail('APPROVAL_NOT_FOUND', 'This request is no longer current: the applicant has sent a newer one.');
  }
  if (!isApprover(approval, actor.id)) {
    return fail('NOT_APPROVER', `Only ${approverNames(approval)} can decide this request.`);
  }
  if (approval.status !== 'pending') {
    return fail('ALREADY_DECIDED', `This request was already ${approval.status} by ${approval.decidedBy?.name ?? 'someone'}.`);
  }
  if (decision === 'decline' && !reason) {
    return fail('REASON_REQUIRED', 'Please give a reason: the applicant will see it.');
  }
  const stage = advance(mentor.stage, decision);
  if (!stage.ok) return fail('ALREADY_DECIDED', stage.error.message);
  const at = now.toISOString();
  const decided: ApprovalRequest = {
    ...approval,
    status: decision === 'approve' ? 'approved' : 'declined',
    decidedBy: actor,
    decidedAt: at,
    ...(decision === 'decline' ? { reason } : {}),
  };
  return ok({ ...inStage(mentor, stage.value, now), approval: decided });
}

export function approverNames(approval: ApprovalRequest): string {
  return approval.approvers.map((approver) => approver.name).join(' or ');
}
