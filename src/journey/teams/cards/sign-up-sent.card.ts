import type { Mentor } from '../../domain/index.js';
import { approvalRequestCard } from './approval-request.card.js';
import type { AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** The applicant's own copy of the request: read-only, and it refreshes to the current status whenever they look. */
export function signUpSentCard(mentor: Mentor): AdaptiveCardJson {
  return approvalRequestCard(mentor, { canDecide: false });
}
