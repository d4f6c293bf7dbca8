import type { Clock, SchemeRoles } from '../app/ports.js';
import type { Logger } from '../../log.js';
import type { ConversationRepository } from '../storage/conversation.repository.js';
import type { UndeliveredStore } from '../delivery/undelivered/undelivered.js';

/** What the Teams door itself needs: where people's chats are, who the coordinators are, messages not delivered. */
export interface TeamsDeps {
  readonly conversations: ConversationRepository;
  readonly log: Logger;
  readonly roles: SchemeRoles;
  readonly clock: Clock;
  /** Messages the bot gave up on: Try again. */
  readonly undelivered: UndeliveredStore;
  /** TEAMS_TENANT_ID: only Teams activities from this tenant are acted on. */
  readonly trustedTenantId: string;
}
