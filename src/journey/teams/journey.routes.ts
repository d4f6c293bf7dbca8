import { JOURNEY_VERBS } from './journey.verbs.js';
import { decideApprovalAction, refreshApprovalAction } from './approval.handler.js';
import { helpCommand, statusCommand } from './commands.handler.js';
import { expressInterestAction, signUpCommand, submitSignUpAction } from './sign-up.handler.js';
import { welcome } from './welcome.handler.js';
import type { JourneyTeamsDeps } from './journey-teams-deps.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** Help, status, sign-up and approval: the mentor journey's first steps; and the welcome on install. */
export function journeyRoutes(routes: RouteRegistry, deps: JourneyTeamsDeps): void {
  routes
    .command(/^\s*help\s*$/i, 'help', helpCommand(deps))
    .command(/^\s*sign\s*-?\s*up\s*$/i, 'signUp', signUpCommand(deps))
    .command(/^\s*(my\s+)?status\s*$/i, 'status', statusCommand(deps, routes.statusFacts))
    .action(JOURNEY_VERBS.expressInterest, expressInterestAction(deps))
    .action(JOURNEY_VERBS.submitSignUp, submitSignUpAction(deps))
    .action(JOURNEY_VERBS.decideApproval, decideApprovalAction(deps))
    .action(JOURNEY_VERBS.refreshApproval, refreshApprovalAction(deps))
    .installed(welcome(deps.journey));
}
