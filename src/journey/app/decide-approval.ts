import { decideApproval, type Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import { stageChange } from './audit.js';
import type { DecisionInput } from './decision.input.js';
import type { JourneyDeps } from './journey-deps.js';
import type { Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

export type DecideOutcome =
  | { readonly ok: true; readonly value: Mentor }
  | { readonly ok: false; readonly error: DomainError; readonly current?: Mentor };

/** The approver's decision; who may decide comes from the stored request, never from the card. */
export async function decide(deps: JourneyDeps, actor: PersonRef, input: DecisionInput): Promise<DecideOutcome> {
  const refused = await restrictedRefusal(deps.restricted, input.mentorId);
  if (refused) return refused;
  return retryOnConflict(async () => {
    const current = await deps.mentors.get(input.mentorId);
    if (!current) return fail('APPROVAL_NOT_FOUND', 'This request no longer exists.');
    const now = deps.clock.now();
    const decided = decideApproval(current.value, input.approvalId, actor, input.decision, input.reason, now);
    if (!decided.ok) return { ...decided, current: current.value };
    const mentor = decided.value;
    await deps.mentors.save({
      value: mentor,
      etag: current.etag,
      audit: [stageChange(actor, input.decision, current.value, mentor, now)],
      effects: afterDecision(deps, mentor, actor),
    });
    return ok(mentor);
  });
}

function afterDecision(deps: JourneyDeps, mentor: Mentor, actor: PersonRef): Effect[] {
  const approval = mentor.approval;
  if (!approval) return [];
  const key = `${approval.id}.decided`;
  const toApplicant: Effect = {
    id: `${key}.applicant`,
    recipientId: mentor.id,
    message: { type: 'approvalDecided', mentorId: mentor.id, approvalId: approval.id },
  };
  const cardUpdates: Effect[] = approval.approvers
    .filter((approver) => approver.id !== actor.id)
    .map((approver) => ({
      id: `${key}.card.${approver.id}`,
      recipientId: approver.id,
      message: { type: 'approvalCardsUpdate', mentorId: mentor.id, approvalId: approval.id },
    }));
  const toCoordinators: Effect[] = deps.roles.coordinators
    .filter((coordinator) => coordinator.id !== actor.id)
    .map((coordinator) => ({
      id: `${key}.coordinator.${coordinator.id}`,
      recipientId: coordinator.id,
      message: { type: 'coordinatorNotice', notice: { kind: 'approvalDecided', mentorId: mentor.id, approvalId: approval.id } },
    }));
  // Approved mentors get the booking card (sessions feature). Its id sorts before `${key}.…`, so the worker sends it
  // just before the outcome card, which stays the last thing the applicant sees.
  const bookingCard: Effect[] =
    approval.status === 'approved' ? [{ id: `${approval.id}.booking-card`, recipientId: mentor.id, message: { type: 'sessionOffer', mentorId: mentor.id } }] : [];
  return [toApplicant, ...cardUpdates, ...toCoordinators, ...bookingCard];
}
