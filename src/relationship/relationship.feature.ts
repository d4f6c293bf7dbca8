import { followUpRelationships } from './app/follow-up-relationships.js';
import { renotifyConcerns } from './app/support.js';
import type { FeatureFactory } from '../platform/feature.js';
import { workspaceLinks } from '../platform/teams/workspace-link.js';
import { sharedRelationship } from './shared-relationship.js';
import { relationshipNotifiers } from './teams/relationship.notifications.js';
import { relationshipRoutes } from './teams/relationship.routes.js';

/** After a match: meetings, commitment, refreshments, support and concerns, review and ending (docs/relationship.md). */
export const relationshipFeature: FeatureFactory = async (context) => {
  const deps = await sharedRelationship(context);
  const [relationshipsTable, concernsTable] = await Promise.all([context.openTable('Relationships'), context.openTable('SupportConcerns')]);
  const everyMs = context.config.SCHEDULER_INTERVAL_SECONDS * 1000;
  return {
    routes: (routes) => relationshipRoutes(routes, deps, context.log, workspaceLinks({ teamsAppId: context.config.TEAMS_APP_ID, port: context.config.PORT })),
    notifiers: relationshipNotifiers(deps),
    outboxTables: [relationshipsTable, concernsTable],
    jobs: [
      { name: 'relationshipFollowUp', everyMs, run: () => followUpRelationships(deps) },
      // Concerns are checked more often than the rest: an unacknowledged urgent concern must not wait for the daily pace.
      { name: 'concernRenotify', everyMs: Math.min(everyMs, 60_000), run: () => renotifyConcerns(deps) },
    ],
  };
};
