import { type Turn, answerInvoke } from '../../platform/teams/turn.js';
import { decide } from '../app/decide-approval.js';
import { parseApprovalRef, parseDecision } from '../app/decision.input.js';
import { isApprover, type Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import type { JourneyTeamsDeps } from './journey-teams-deps.js';

/** Buttons only for a stored approver while the request is open; everyone else sees the current status, read-only. */
function viewFor(mentor: Mentor, actor: PersonRef, approvalId: string, problem?: string) {
  const approval = mentor.approval;
  const approver = !!approval && isApprover(approval, actor.id);
  const canDecide = approver && approval.id === approvalId;
  const viewer = approver ? 'approver' : actor.id === mentor.id ? 'applicant' : 'other';
  return approvalRequestCard(mentor, { canDecide, viewer, ...(problem ? { problem } : {}) });
}

export function refreshApprovalAction(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const ref = parseApprovalRef(data);
    if (!ref.ok) return answerInvoke(context, errorCard(ref.error.message));
    const mentor = (await deps.journey.mentors.get(ref.value.mentorId))?.value;
    if (!mentor || !holdsCard(mentor, ref.value.approvalId)) return answerInvoke(context, errorCard(NOT_AVAILABLE));
    await answerInvoke(context, viewFor(mentor, actor, ref.value.approvalId));
  };
}

export function decideApprovalAction(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const input = parseDecision(data);
    if (!input.ok) {
      const ref = parseApprovalRef(data);
      const mentor = ref.ok ? (await deps.journey.mentors.get(ref.value.mentorId))?.value : undefined;
      const card = mentor && ref.ok && holdsCard(mentor, ref.value.approvalId) ? viewFor(mentor, actor, ref.value.approvalId, input.error.message) : errorCard(input.error.message);
      return answerInvoke(context, card);
    }
    const outcome = await decide(deps.journey, actor, input.value);
    if (outcome.ok) return answerInvoke(context, viewFor(outcome.value, actor, input.value.approvalId));
    deps.log.info({ code: outcome.error.code, approvalId: input.value.approvalId }, 'approval decision refused');
    const current = outcome.current;
    const card = current && holdsCard(current, input.value.approvalId) ? viewFor(current, actor, input.value.approvalId, outcome.error.message) : errorCard(outcome.error.message);
    await answerInvoke(context, card);
  };
}

const NOT_AVAILABLE = 'This request is no longer current.';

/**
 * The request id is random and only ever travels on the request's own card, so whoever holds the card (the approver, the
 * applicant, someone it was forwarded to) may see its current status, read-only. Deciding is checked separately.
 */
function holdsCard(mentor: Mentor, approvalId: string): boolean {
  return mentor.approval?.id === approvalId;
}
