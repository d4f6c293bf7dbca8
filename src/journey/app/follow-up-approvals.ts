import { SYSTEM } from '../../platform/kernel/person.js';
import { approvalFollowUp, recordFollowUp, type FollowUpPolicy, type Mentor } from '../domain/index.js';
import type { JourneyDeps } from './journey-deps.js';
import { ConcurrencyError, type Effect } from '../../platform/app/ports.js';

/**
 * Reminds approvers of requests left pending, then escalates to the coordinators, but never about a restricted person. Safe on many instances at once: the
 * etag-guarded write lets exactly one of them record the follow-up and queue its messages.
 */
export async function followUpApprovals(deps: JourneyDeps, policy: FollowUpPolicy): Promise<{ reminded: number; escalated: number }> {
  const counts = { reminded: 0, escalated: 0 };
  const restricted = await deps.restricted.restrictedIds();
  for await (const { value: mentor, etag } of deps.mentors.listByStage('awaitingApproval')) {
    const approval = mentor.approval;
    // A restricted record (docs/privacy.md) is neither reminded about nor escalated: it waits as it is.
    if (!approval || restricted.has(mentor.id.toLowerCase())) continue;
    const now = deps.clock.now();
    const followUp = approvalFollowUp(approval, policy, now);
    if (followUp === 'none') continue;
    const updated: Mentor = { ...mentor, approval: recordFollowUp(approval, followUp, now), updatedAt: now.toISOString() };
    try {
      await deps.mentors.save({
        value: updated,
        etag,
        audit: [{ at: now.toISOString(), actor: SYSTEM, action: followUp, subjectId: mentor.id, detail: approval.id }],
        effects: followUp === 'remind' ? reminders(updated) : escalations(deps, updated),
      });
      counts[followUp === 'remind' ? 'reminded' : 'escalated'] += 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return counts;
}

function reminders(mentor: Mentor): Effect[] {
  const approval = mentor.approval!;
  return approval.approvers.map((approver) => ({
    id: `${approval.id}.reminder.${approver.id}`,
    recipientId: approver.id,
    message: { type: 'approvalRequest', mentorId: mentor.id, approvalId: approval.id, reminder: true },
  }));
}

function escalations(deps: JourneyDeps, mentor: Mentor): Effect[] {
  const approval = mentor.approval!;
  return deps.roles.coordinators.map((coordinator) => ({
    id: `${approval.id}.escalation.${coordinator.id}`,
    recipientId: coordinator.id,
    message: { type: 'coordinatorNotice', notice: { kind: 'approvalEscalated', mentorId: mentor.id, approvalId: approval.id } },
  }));
}
