import { MATCHING_VERBS } from './matching.verbs.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import type { Logger } from '../../log.js';
import { coordinatorHandlers, myDbsFacts } from './coordinator.handler.js';
import { matchingHandlers } from './matching.handler.js';
import { editProfileAction, myProfileCommand, saveProfileAction } from './profile.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';
import type { WorkspaceLink } from '../../platform/teams/workspace-link.js';

/** Pen pictures, DBS checks, young people, matching and the pipeline. */
export function matchingRoutes(routes: RouteRegistry, deps: MatchingDeps, log: Logger, workspace?: WorkspaceLink): void {
  const coordinator = coordinatorHandlers(deps, log, workspace);
  const matching = matchingHandlers(deps, log);
  routes
    .statusFact(myDbsFacts(deps))
    .command(/^\s*my\s+profile\s*$/i, 'myProfile', myProfileCommand(deps))
    .command(/^\s*dbs\s*$/i, 'dbs', coordinator.dbs)
    .command(/^\s*conflicts(\s+of\s+interest)?\s*$/i, 'conflicts', coordinator.conflicts)
    .command(/^\s*pipeline\s*$/i, 'pipeline', coordinator.pipeline)
    .command(/^\s*young\s+people\s*$/i, 'youngPeople', coordinator.youngPeople)
    .command(/^\s*add\s+(a\s+)?young\s+person\s*$/i, 'addYoungPerson', coordinator.addYoungPerson)
    .command(/^\s*match\s*$/i, 'match', matching.match)
    .actions(MATCHING_VERBS, { ...coordinator, ...matching, editProfile: editProfileAction(deps), saveProfile: saveProfileAction(deps) });
}
