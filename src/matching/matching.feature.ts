import { askTrainedMentorsForProfile } from './app/ask-for-profile.js';
import type { FeatureFactory } from '../platform/feature.js';
import { workspaceLinks } from '../platform/teams/workspace-link.js';
import { sharedMatching } from './shared-matching.js';
import { matchingNotifiers } from './teams/matching.notifications.js';
import { matchingRoutes } from './teams/matching.routes.js';

/** Pen pictures, DBS checks, young people (in tables of their own) and matching (docs/matching.md). */
export const matchingFeature: FeatureFactory = async (context) => {
  const { deps, outboxTables } = await sharedMatching(context);
  return {
    routes: (routes) => matchingRoutes(routes, deps, context.log, workspaceLinks({ teamsAppId: context.config.TEAMS_APP_ID, port: context.config.PORT })),
    notifiers: matchingNotifiers(deps),
    outboxTables,
    jobs: [{ name: 'askForProfile', everyMs: context.config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => askTrainedMentorsForProfile(deps) }],
  };
};
