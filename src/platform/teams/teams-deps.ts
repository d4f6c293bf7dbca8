import type { JourneyDeps } from '../../journey/app/journey-deps.js';
import type { Logger } from '../../log.js';
import type { ConversationRepository } from '../storage/conversation.repository.js';
import type { UndeliveredStore } from '../delivery/undelivered/undelivered.js';

export interface TeamsDeps {
  readonly journey: JourneyDeps;
  readonly conversations: ConversationRepository;
  readonly log: Logger;
  /** Messages the bot gave up on: Try again, and the coordinator's help. */
  readonly undelivered: UndeliveredStore;
  /** TEAMS_TENANT_ID: only Teams activities from this tenant are acted on. */
  readonly trustedTenantId: string;
}
