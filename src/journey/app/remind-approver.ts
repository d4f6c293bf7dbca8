import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Mentor } from '../domain/index.js';
import type { JourneyDeps } from './journey-deps.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

/**
 * A coordinator's "Remind" on a pending approval: the approvers get the approval card again, marked as a reminder,
 * as the scheduled follow-up would send it. At most once a day per approver (the effect id holds the day), audited.
 */
export async function remindApprover(deps: JourneyDeps, actor: PersonRef, mentorId: string): Promise<Result<Mentor>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.restricted, mentorId);
  if (refused) return refused;
  return retryOnConflict(async (): Promise<Result<Mentor>> => {
    const stored = await deps.mentors.get(mentorId);
    const approval = stored?.value.approval;
    if (!stored || stored.value.stage !== 'awaitingApproval' || approval?.status !== 'pending') {
      return fail('NOTHING_TO_REMIND', 'This person is not waiting for an approval any more, so there is nobody to remind.');
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const updated: Mentor = { ...stored.value, approval: { ...approval, remindedAt: at }, updatedAt: stored.value.updatedAt };
    await deps.mentors.save({
      value: updated,
      etag: stored.etag,
      audit: [{ at, actor, action: 'remindApprover', subjectId: mentorId, detail: approval.id }],
      effects: approval.approvers.map((approver) => ({
        id: `${approval.id}.reminder.${approver.id}.${at.slice(0, 10)}`,
        recipientId: approver.id,
        message: { type: 'approvalRequest', mentorId, approvalId: approval.id, reminder: true },
      })),
    });
    return ok(updated);
  });
}
