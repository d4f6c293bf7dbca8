import type { ApprovalRequest } from './approval-request.js';
import { addWorkingDays } from './working-days.js';

export interface FollowUpPolicy {
  readonly reminderAfterWorkingDays: number;
  /** Counted from the reminder's due date, not from the request. */
  readonly escalationAfterWorkingDays: number;
  readonly holidays?: ReadonlySet<string>;
}

export type FollowUp = 'remind' | 'escalate' | 'none';

/** What a pending request needs now: a reminder to the approver, then an escalation to the coordinator, each once. */
export function approvalFollowUp(approval: ApprovalRequest, policy: FollowUpPolicy, now: Date): FollowUp {
  if (approval.status !== 'pending') return 'none';
  const requested = new Date(approval.requestedAt);
  const reminderDue = addWorkingDays(requested, policy.reminderAfterWorkingDays, policy.holidays);
  const escalationDue = addWorkingDays(reminderDue, policy.escalationAfterWorkingDays, policy.holidays);
  if (!approval.escalatedAt && now >= escalationDue) return 'escalate';
  if (!approval.remindedAt && now >= reminderDue && now < escalationDue) return 'remind';
  return 'none';
}

export function recordFollowUp(approval: ApprovalRequest, followUp: Exclude<FollowUp, 'none'>, now: Date): ApprovalRequest {
  const at = now.toISOString();
  return followUp === 'remind' ? { ...approval, remindedAt: at } : { ...approval, escalatedAt: at };
}
