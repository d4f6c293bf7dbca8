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
    .action('meetingForm', h.meetingForm)
    .action('logMeeting', h.logMeeting)
    .command(/^\s*support\s*$/i, 'support', h.supportCommand)
    .action('supportForm', h.supportForm)
    .action('raiseConcern', h.raiseConcern)
    .action('acknowledgeConcern', h.acknowledgeConcern)
    .action('answerReview', h.answerReview)
    .action('endForm', h.endForm)
    .action('endMatch', h.endMatch)
    .action('mentorNext', h.mentorNext)
    .command(/^\s*claims(\s+\d{4}-\d{2})?\s*$/i, 'claims', h.claimsCommand)
    .action('claimsForMonth', h.claimsForMonth)
    .action('decideClaim', h.decideClaim)
    .action('exportClaims', h.exportClaims)
    .command(/^\s*summary(\s+\d{4}-\d{2})?\s*$/i, 'summary', h.summaryCommand);
}
