import type { MatchingDeps } from '../app/matching-deps.js';
import type { Logger } from '../../log.js';
import { coordinatorHandlers, myDbsFacts } from './coordinator.handler.js';
import { matchingHandlers } from './matching.handler.js';
import { editProfileAction, myProfileCommand, saveProfileAction } from './profile.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** Pen pictures, DBS checks, young people, matching and the pipeline. */
export function matchingRoutes(routes: RouteRegistry, deps: MatchingDeps, log: Logger): void {
  const coordinator = coordinatorHandlers(deps, log);
  const matching = matchingHandlers(deps, log);
  routes
    .statusFact(myDbsFacts(deps))
    .command(/^\s*my\s+profile\s*$/i, 'myProfile', myProfileCommand(deps))
    .action('editProfile', editProfileAction(deps))
    .action('saveProfile', saveProfileAction(deps))
    .command(/^\s*dbs\s*$/i, 'dbs', coordinator.dbs)
    .action('dbsForm', coordinator.dbsForm)
    .action('recordDbs', coordinator.recordDbs)
    .command(/^\s*conflicts(\s+of\s+interest)?\s*$/i, 'conflicts', coordinator.conflicts)
    .action('conflictsForm', coordinator.conflictsForm)
    .action('saveConflicts', coordinator.saveConflicts)
    .command(/^\s*pipeline\s*$/i, 'pipeline', coordinator.pipeline)
    .command(/^\s*young\s+people\s*$/i, 'youngPeople', coordinator.youngPeople)
    .command(/^\s*add\s+(a\s+)?young\s+person\s*$/i, 'addYoungPerson', coordinator.addYoungPerson)
    .action('youngPersonForm', coordinator.youngPersonForm)
    .action('saveYoungPerson', coordinator.saveYoungPerson)
    .action('viewYoungPerson', coordinator.viewYoungPerson)
    .action('youngPersonReads', coordinator.youngPersonReads)
    .action('changeYoungPersonStatus', coordinator.changeYoungPersonStatus)
    .command(/^\s*match\s*$/i, 'match', matching.match)
    .action('suggestMentors', matching.suggestMentors)
    .action('putMentors', matching.putMentors)
    .action('recordChoice', matching.recordChoice)
    .action('acceptMatch', matching.acceptMatch)
    .action('declineMatch', matching.declineMatch);
}
