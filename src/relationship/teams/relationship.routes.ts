import { RELATIONSHIP_VERBS } from './relationship.verbs.js';
import type { RelationshipDeps } from '../app/relationship-ports.js';
import type { Logger } from '../../log.js';
import { relationshipHandlers } from './relationship.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** Meetings, support, review and ending for mentors; claims and the monthly summary for coordinators. */
export function relationshipRoutes(routes: RouteRegistry, deps: RelationshipDeps, log: Logger): void {
  const h = relationshipHandlers(deps, log);
  routes.statusFact(h.statusFacts);
  routes
    .command(/^\s*log\s+(a\s+)?meeting\s*$/i, 'logMeeting', h.logMeetingCommand)
    .action(RELATIONSHIP_VERBS.meetingForm, h.meetingForm)
    .action(RELATIONSHIP_VERBS.logMeeting, h.logMeeting)
    .command(/^\s*support\s*$/i, 'support', h.supportCommand)
    .action(RELATIONSHIP_VERBS.supportForm, h.supportForm)
    .action(RELATIONSHIP_VERBS.raiseConcern, h.raiseConcern)
    .action(RELATIONSHIP_VERBS.acknowledgeConcern, h.acknowledgeConcern)
    .action(RELATIONSHIP_VERBS.answerReview, h.answerReview)
    .action(RELATIONSHIP_VERBS.endForm, h.endForm)
    .action(RELATIONSHIP_VERBS.endMatch, h.endMatch)
    .action(RELATIONSHIP_VERBS.mentorNext, h.mentorNext)
    .command(/^\s*claims(\s+\d{4}-\d{2})?\s*$/i, 'claims', h.claimsCommand)
    .action(RELATIONSHIP_VERBS.claimsForMonth, h.claimsForMonth)
    .action(RELATIONSHIP_VERBS.decideClaim, h.decideClaim)
    .action(RELATIONSHIP_VERBS.exportClaims, h.exportClaims)
    .command(/^\s*summary(\s+\d{4}-\d{2})?\s*$/i, 'summary', h.summaryCommand);
}
