import type { JourneyDeps } from '../app/deps.js';
import type { Logger } from '../log.js';
import type { ConversationRepository } from '../store/conversation.repository.js';

export interface TeamsDeps {
  readonly journey: JourneyDeps;
  readonly conversations: ConversationRepository;
  readonly log: Logger;
}
