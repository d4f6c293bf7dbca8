import type { MentorStore } from '../app/ports.js';
import type { Directory } from '../../platform/app/ports.js';
import type { Mentor } from '../domain/index.js';
import { approvalOutcomeCard } from './cards/approval-outcome.card.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import { approverUnreachableCard } from './cards/approver-unreachable.card.js';
import { approvalDecidedNoticeCard, approvalEscalatedCard, unreachableCard } from './cards/coordinator-notice.card.js';
import type { Notifiers } from '../../platform/delivery/notifier.js';

/** Cards are rendered from the mentor as stored now, so a late delivery never shows a stale state. */
export function approvalNotifiers(mentors: MentorStore, directory: Directory): Notifiers {
  const currentRequest = async (mentorId: string, approvalId: string): Promise<Mentor | undefined> => {
    const mentor = (await mentors.get(mentorId))?.value;
    return mentor?.approval?.id === approvalId ? mentor : undefined;
  };
  return {
    approvalRequest: async (effect, message, transport) => {
      const mentor = await currentRequest(message.mentorId, message.approvalId);
      if (mentor?.approval?.status !== 'pending') return;
      const card = approvalRequestCard(mentor, { canDecide: true, ...(message.reminder ? { reminder: true } : {}) });
      await transport.send(effect.recipientId, card, message.approvalId);
    },
    approvalDecided: async (effect, message, transport) => {
      const mentor = await currentRequest(message.mentorId, message.approvalId);
      if (mentor) await transport.send(effect.recipientId, approvalOutcomeCard(mentor));
    },
    approvalCardsUpdate: async (effect, message, transport) => {
      const mentor = await currentRequest(message.mentorId, message.approvalId);
      if (mentor) await transport.update(message.approvalId, effect.recipientId, approvalRequestCard(mentor, { canDecide: false }));
    },
    approverUnreachable: async (effect, message, transport) => {
      const mentor = await currentRequest(message.mentorId, message.approvalId);
      if (mentor?.approval?.status !== 'pending') return;
      const approver = await directory.getPerson(message.approverId);
      await transport.send(effect.recipientId, approverUnreachableCard(mentor, approver?.name ?? 'your approver'));
    },
    coordinatorNotice: async (effect, { notice }, transport) => {
      if (notice.kind === 'recipientUnreachable') {
        const person = await directory.getPerson(notice.recipientId);
        const card = unreachableCard(person?.name ?? 'someone no longer in the directory', notice.reason, ABOUT[notice.about] ?? 'a scheme message');
        await transport.send(effect.recipientId, card);
        return;
      }
      const mentor = await currentRequest(notice.mentorId, notice.approvalId);
      if (!mentor) return;
      await transport.send(effect.recipientId, notice.kind === 'approvalDecided' ? approvalDecidedNoticeCard(mentor) : approvalEscalatedCard(mentor));
    },
  };
}

const ABOUT: Record<string, string> = {
  approvalRequest: 'a mentoring approval request',
  approvalDecided: 'the outcome of their mentoring request',
  approvalCardsUpdate: 'an update to an approval card',
  approverUnreachable: 'a note that their request could not reach their approver',
};
