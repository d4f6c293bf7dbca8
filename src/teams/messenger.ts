import { CardFactory, MessageFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { DeliveryError, type EffectDelivery } from '../app/delivery.js';
import type { CoordinatorNotice, Directory, Effect, MentorStore } from '../app/ports.js';
import type { Mentor } from '../domain/mentor/index.js';
import type { AppInstaller } from '../graph/app-installer.gateway.js';
import type { CardMessageRepository } from '../store/card-message.repository.js';
import type { ConversationAddress, ConversationRepository } from '../store/conversation.repository.js';
import { approvalOutcomeCard } from './cards/approval-outcome.card.js';
import { approvalRequestCard } from './cards/approval-request.card.js';
import type { AdaptiveCardJson } from './cards/card.js';
import { approvalDecidedNoticeCard, approvalEscalatedCard, unreachableCard } from './cards/coordinator-notice.card.js';
import { connectorFailure } from './connector-errors.js';

export interface MessengerDeps {
  readonly adapter: TeamsAdapter;
  readonly botId: string;
  readonly mentors: MentorStore;
  readonly directory: Directory;
  readonly conversations: ConversationRepository;
  readonly cardMessages: CardMessageRepository;
  readonly installer: AppInstaller;
  readonly serviceUrl: string;
}

/** Carries out effects as Teams messages: renders each card from current state at the moment it is sent. */
export class TeamsMessenger implements EffectDelivery {
  constructor(private readonly deps: MessengerDeps) {}

  async deliver(effect: Effect): Promise<void> {
    const message = effect.message;
    switch (message.type) {
      case 'approvalRequest': {
        const mentor = await this.currentRequest(message.mentorId, message.approvalId);
        if (!mentor || mentor.approval?.status !== 'pending') return;
        const card = approvalRequestCard(mentor, { canDecide: true, ...(message.reminder ? { reminder: true } : {}) });
        await this.sendAndRemember(effect.recipientId, card, message.approvalId);
        return;
      }
      case 'approvalDecided': {
        const mentor = await this.currentRequest(message.mentorId, message.approvalId);
        if (mentor) await this.send(effect.recipientId, approvalOutcomeCard(mentor));
        return;
      }
      case 'approvalCardsUpdate': {
        const mentor = await this.currentRequest(message.mentorId, message.approvalId);
        if (mentor) await this.update(message.approvalId, effect.recipientId, approvalRequestCard(mentor, { canDecide: false }));
        return;
      }
      case 'coordinatorNotice': {
        const card = await this.noticeCard(message.notice);
        if (card) await this.send(effect.recipientId, card);
        return;
      }
    }
  }

  private async currentRequest(mentorId: string, approvalId: string): Promise<Mentor | undefined> {
    const mentor = (await this.deps.mentors.get(mentorId))?.value;
    return mentor?.approval?.id === approvalId ? mentor : undefined;
  }

  private async noticeCard(notice: CoordinatorNotice): Promise<AdaptiveCardJson | undefined> {
    if (notice.kind === 'recipientUnreachable') {
      const person = await this.deps.directory.getPerson(notice.recipientId);
      return unreachableCard(person?.name ?? 'someone no longer in the directory', notice.reason, ABOUT[notice.about] ?? 'a scheme message');
    }
    const mentor = await this.currentRequest(notice.mentorId, notice.approvalId);
    if (!mentor) return undefined;
    return notice.kind === 'approvalDecided' ? approvalDecidedNoticeCard(mentor) : approvalEscalatedCard(mentor);
  }

  private async sendAndRemember(recipientId: string, card: AdaptiveCardJson, subjectId: string): Promise<void> {
    const { address, activityId } = await this.sendTo(recipientId, card);
    if (activityId) {
      await this.deps.cardMessages.remember({ subjectId, recipientId, conversationId: address.conversationId, activityId, serviceUrl: address.serviceUrl });
    }
  }

  private async send(recipientId: string, card: AdaptiveCardJson): Promise<void> {
    await this.sendTo(recipientId, card);
  }

  private async sendTo(recipientId: string, card: AdaptiveCardJson): Promise<{ address: ConversationAddress; activityId?: string }> {
    const address = await this.addressOf(recipientId);
    let activityId: string | undefined;
    await this.withConversation(address, async (context) => {
      const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = response?.id;
    });
    return { address, ...(activityId ? { activityId } : {}) };
  }

  private async update(subjectId: string, recipientId: string, card: AdaptiveCardJson): Promise<void> {
    const sent = await this.deps.cardMessages.get(subjectId, recipientId);
    if (!sent) return;
    const address: ConversationAddress = { personId: recipientId, teamsUserId: '', conversationId: sent.conversationId, serviceUrl: sent.serviceUrl };
    await this.withConversation(address, async (context) => {
      await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: sent.activityId });
    });
  }

  /** A known 1:1 chat, or one opened by installing the app for the person through Graph. */
  private async addressOf(recipientId: string): Promise<ConversationAddress> {
    const known = await this.deps.conversations.get(recipientId);
    if (known) return known;
    const installed = await this.deps.installer.installFor(recipientId);
    if (!installed.ok) throw new DeliveryError(installed.reason, installed.retry ? 'retry' : 'permanent');
    const address: ConversationAddress = {
      personId: recipientId,
      teamsUserId: '',
      conversationId: installed.chatId,
      serviceUrl: this.deps.serviceUrl,
    };
    await this.deps.conversations.remember(address);
    return address;
  }

  private async withConversation(address: ConversationAddress, logic: Parameters<TeamsAdapter['continueConversationAsync']>[2]): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: address.serviceUrl,
      conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', name: '', ...(address.tenantId ? { tenantId: address.tenantId } : {}) },
      ...(address.teamsUserId ? { user: { id: address.teamsUserId, name: '', aadObjectId: address.personId } } : {}),
      bot: { id: this.deps.botId ? `28:${this.deps.botId}` : 'bot', name: 'Mentoring scheme' },
    };
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.botId, reference, logic);
    } catch (error) {
      throw connectorFailure(error);
    }
  }
}

const ABOUT: Record<string, string> = {
  approvalRequest: 'a mentoring approval request',
  approvalDecided: 'the outcome of their mentoring request',
  approvalCardsUpdate: 'an update to an approval card',
};
