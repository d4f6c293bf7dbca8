import type { Effect } from '../../platform/app/ports.js';
import type { GiveUpFollowUp } from '../../platform/delivery/failure-notice.js';

/**
 * An approval request Teams would not deliver (the approver blocked the bot, left, or it failed for a day): the
 * applicant is told, not only the coordinators, so nobody waits for a decision that cannot come. One message per
 * approver and request, however many reminders fail after it.
 */
export const tellApplicantApproverUnreachable: GiveUpFollowUp = (effect) => {
  const { message } = effect;
  if (message.type !== 'approvalRequest') return [];
  const notice: Effect = {
    id: `${message.approvalId}.unreachable.${effect.recipientId}`,
    recipientId: message.mentorId,
    message: { type: 'approverUnreachable', mentorId: message.mentorId, approvalId: message.approvalId, approverId: effect.recipientId },
  };
  return [notice];
};
