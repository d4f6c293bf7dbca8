import { RELATIONSHIP_VERBS } from './relationship.verbs.js';
import type { RelationshipDeps } from '../app/relationship-ports.js';
import type { Logger } from '../../log.js';
import { relationshipHandlers } from './relationship.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';
import type { WorkspaceLink } from '../../platform/teams/workspace-link.js';

/** Meetings, support, review and ending for mentors; claims and the monthly summary for coordinators. */
export function relationshipRoutes(routes: RouteRegistry, deps: RelationshipDeps, log: Logger, workspace?: WorkspaceLink): void {
  const h = relationshipHandlers(deps, log, workspace);
  routes.statusFact(h.statusFacts);
  routes
    .command(/^\s*log\s+(a\s+)?meeting\s*$/i, 'logMeeting', h.logMeetingCommand)
    .command(/^\s*support\s*$/i, 'support', h.supportCommand)
    .command(/^\s*my\s+match\s*$/i, 'myMatch', h.myMatchCommand)
    .command(/^\s*feedback\s*$/i, 'feedback', h.feedbackCommand)
    .command(/^\s*end\s+(the\s+|my\s+|a\s+)?match\s*$/i, 'endMatch', h.endMatchCommand)
    .command(/^\s*claims(\s+\d{4}-\d{2})?\s*$/i, 'claims', h.claimsCommand)
    .command(/^\s*summary(\s+\d{4}-\d{2})?\s*$/i, 'summary', h.summaryCommand)
    .actions(RELATIONSHIP_VERBS, h);
}
