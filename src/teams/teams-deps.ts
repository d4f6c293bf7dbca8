import type { JourneyDeps } from '../app/deps.js';
import type { Logger } from '../log.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import type { UndeliveredStore } from '../app/undelivered/undelivered.js';

export interface TeamsDeps {
  readonly journey: JourneyDeps;
  readonly conversations: ConversationRepository;
  readonly log: Logger;
  /** Messages the bot gave up on: Try again, and the coordinator's help. */
  readonly undelivered: UndeliveredStore;
  /** TEAMS_TENANT_ID: only Teams activities from this tenant are acted on. */
  readonly trustedTenantId: string;
}
