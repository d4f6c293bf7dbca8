import { randomUUID } from 'node:crypto';
import { submitSignUp, type Mentor, type SignUpDetails } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { stageChange } from './audit.js';
import type { JourneyDeps } from './journey-deps.js';
import type { Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';

export async function signUp(deps: JourneyDeps, actor: PersonRef, details: SignUpDetails): Promise<Result<Mentor>> {
  return retryOnConflict(async () => {
    const current = await deps.mentors.get(actor.id);
    if (!current) return fail('NOT_INTERESTED', 'Type "sign up" first, so that I can look up your line manager.');
    const now = deps.clock.now();
    const submitted = submitSignUp(current.value, details, deps.roles.governanceApprovers, randomUUID(), now);
    if (!submitted.ok) return submitted;
    const mentor = submitted.value;
    await deps.mentors.save({
      value: mentor,
      etag: current.etag,
      audit: [stageChange(actor, 'submitSignUp', current.value, mentor, now)],
      effects: approvalRequests(mentor),
    });
    return ok(mentor);
  });
}

function approvalRequests(mentor: Mentor): Effect[] {
  const approval = mentor.approval;
  if (!approval) return [];
  return approval.approvers.map((approver) => ({
    id: `${approval.id}.request.${approver.id}`,
    recipientId: approver.id,
    message: { type: 'approvalRequest', mentorId: mentor.id, approvalId: approval.id },
  }));
}
