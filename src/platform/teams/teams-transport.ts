import type { ConversationReference, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { DeliveryError } from '../delivery/delivery.js';
import type { AppInstaller } from '../directory/app-installer.gateway.js';
import type { CardMessageRepository } from '../storage/card-message.repository.js';
import type { ConversationAddress, ConversationRepository } from '../storage/conversation.repository.js';
import type { AdaptiveCardJson } from './cards/card.js';
import { cardActivity } from './reply.js';
import { connectorFailure } from '../delivery/connector-errors.js';
import { dropBuiltInRetries } from './connector-retries.js';

export interface TransportDeps {
  readonly adapter: TeamsAdapter;
  readonly botId: string;
  readonly conversations: ConversationRepository;
  readonly cardMessages: CardMessageRepository;
  readonly installer: AppInstaller;
  readonly serviceUrl: string;
  /** The bot's clock: a Retry-After given as a date becomes a wait from now. */
  readonly now: () => Date;
  /** false: a failed call reaches the caller at once instead of being retried inside botbuilder (see withoutBuiltInRetries). */
  readonly builtInRetries?: boolean;
}

/** Sends and updates cards in people's 1:1 chats with the bot, from any instance; failures become DeliveryErrors. */
export class TeamsTransport {
  constructor(private readonly deps: TransportDeps) {}

  /**
   * The same transport without botbuilder's own retries, for callers that pace and retry durably themselves
   * (broadcasts): a retry inside the HTTP pipeline would bypass their pacer and hide the 429 from them.
   */
  withoutBuiltInRetries(): TeamsTransport {
    return new TeamsTransport({ ...this.deps, builtInRetries: false });
  }

  /**
   * Sends a card; with `rememberAs`, keeps its message id so the card can be updated in place later. `whenReady` is
   * awaited once the chat is known, just before the request goes (a pacer's slot).
   */
  async send(recipientId: string, card: AdaptiveCardJson, rememberAs?: string, whenReady?: () => Promise<void>): Promise<void> {
    const address = await this.addressOf(recipientId);
    await whenReady?.();
    let activityId: string | undefined;
    await this.withConversation(address, async (context) => {
      activityId = (await context.sendActivity(cardActivity(card)))?.id;
    });
    if (rememberAs && activityId) {
      await this.deps.cardMessages.remember({ subjectId: rememberAs, recipientId, conversationId: address.conversationId, activityId, serviceUrl: address.serviceUrl });
    }
  }

  /** Replaces a card sent earlier under `subjectId`; does nothing if none was sent. */
  async update(subjectId: string, recipientId: string, card: AdaptiveCardJson): Promise<boolean> {
    const sent = await this.deps.cardMessages.get(subjectId, recipientId);
    if (!sent) return false;
    const address: ConversationAddress = { personId: recipientId, teamsUserId: '', conversationId: sent.conversationId, serviceUrl: sent.serviceUrl };
    await this.withConversation(address, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: sent.activityId });
    });
    return true;
  }

  /**
   * Whether a card can go to this person at all: their chat with the bot is known, or the app can be installed for them.
   * For a notice worth nothing to someone who could never receive it (local mode, never opened the bot), which would
   * otherwise be given up and reported to the coordinators as undelivered.
   */
  async canReach(recipientId: string): Promise<boolean> {
    return this.deps.installer.canInstall === true || !!(await this.deps.conversations.get(recipientId));
  }

  /** A known 1:1 chat, or one opened by installing the app for the person through Graph. */
  private async addressOf(recipientId: string): Promise<ConversationAddress> {
    const known = await this.deps.conversations.get(recipientId);
    if (known) return known;
    const installed = await this.deps.installer.installFor(recipientId);
    if (!installed.ok) {
      throw installed.retry
        ? new DeliveryError(installed.reason, 'retry', undefined, undefined, 'TEMPORARY')
        : new DeliveryError(installed.reason, 'permanent', undefined, 'NOT_INSTALLED');
    }
    const address: ConversationAddress = { personId: recipientId, teamsUserId: '', conversationId: installed.chatId, serviceUrl: this.deps.serviceUrl };
    await this.deps.conversations.remember(address);
    return address;
  }

  private async withConversation(address: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: address.serviceUrl,
      conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', name: '', ...(address.tenantId ? { tenantId: address.tenantId } : {}) },
      ...(address.teamsUserId ? { user: { id: address.teamsUserId, name: '', aadObjectId: address.personId } } : {}),
      bot: { id: this.deps.botId ? `28:${this.deps.botId}` : 'bot', name: 'Mentoring scheme' },
    };
    // The bot's app.error handler is the adapter's onTurnError, which would swallow a failed send inside the turn (a
    // 403 or a 429 would pass for delivered): the failure is caught inside the logic and rethrown out here.
    let failure: { error: unknown } | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.botId, reference, async (context) => {
        try {
          if (this.deps.builtInRetries === false) dropBuiltInRetries(context);
          await logic(context);
        } catch (error) {
          failure = { error };
        }
      });
    } catch (error) {
      throw connectorFailure(error, this.deps.now());
    }
    if (failure) throw connectorFailure(failure.error, this.deps.now());
  }
}
