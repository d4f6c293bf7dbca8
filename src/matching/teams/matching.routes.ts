import { MATCHING_VERBS } from './matching.verbs.js';
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
    .action(MATCHING_VERBS.editProfile, editProfileAction(deps))
    .action(MATCHING_VERBS.saveProfile, saveProfileAction(deps))
    .command(/^\s*dbs\s*$/i, 'dbs', coordinator.dbs)
    .action(MATCHING_VERBS.dbsForm, coordinator.dbsForm)
    .action(MATCHING_VERBS.recordDbs, coordinator.recordDbs)
    .command(/^\s*conflicts(\s+of\s+interest)?\s*$/i, 'conflicts', coordinator.conflicts)
    .action(MATCHING_VERBS.conflictsForm, coordinator.conflictsForm)
    .action(MATCHING_VERBS.saveConflicts, coordinator.saveConflicts)
    .command(/^\s*pipeline\s*$/i, 'pipeline', coordinator.pipeline)
    .command(/^\s*young\s+people\s*$/i, 'youngPeople', coordinator.youngPeople)
    .command(/^\s*add\s+(a\s+)?young\s+person\s*$/i, 'addYoungPerson', coordinator.addYoungPerson)
    .action(MATCHING_VERBS.youngPersonForm, coordinator.youngPersonForm)
    .action(MATCHING_VERBS.saveYoungPerson, coordinator.saveYoungPerson)
    .action(MATCHING_VERBS.viewYoungPerson, coordinator.viewYoungPerson)
    .action(MATCHING_VERBS.youngPersonReads, coordinator.youngPersonReads)
    .action(MATCHING_VERBS.changeYoungPersonStatus, coordinator.changeYoungPersonStatus)
    .command(/^\s*match\s*$/i, 'match', matching.match)
    .action(MATCHING_VERBS.suggestMentors, matching.suggestMentors)
    .action(MATCHING_VERBS.putMentors, matching.putMentors)
    .action(MATCHING_VERBS.recordChoice, matching.recordChoice)
    .action(MATCHING_VERBS.acceptMatch, matching.acceptMatch)
    .action(MATCHING_VERBS.declineMatch, matching.declineMatch);
}
