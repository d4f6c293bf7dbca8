import type { Mentor } from '../../domain/index.js';
import { approvalRequestCard } from './approval-request.card.js';
import type { AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** The applicant's own copy of the request, "Sent to Megan Bowen for approval": read-only, refreshed to the current status. */
export function signUpSentCard(mentor: Mentor): AdaptiveCardJson {
  return approvalRequestCard(mentor, { canDecide: false, viewer: 'applicant' });
}
