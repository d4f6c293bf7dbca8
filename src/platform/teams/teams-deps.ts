import type { JourneyDeps } from '../../journey/app/journey-deps.js';
import type { Logger } from '../../log.js';
import type { ConversationRepository } from '../storage/conversation.repository.js';

export interface TeamsDeps {
  readonly journey: JourneyDeps;
  readonly conversations: ConversationRepository;
  readonly log: Logger;
}
