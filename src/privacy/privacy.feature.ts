import { randomUUID } from 'node:crypto';
import type { FeatureFactory } from '../platform/feature.js';
import { TableLease } from '../platform/storage/table-lease.js';
import { resumeErasures } from './app/erasure.js';
import { runRetention } from './app/retention-run.js';
import { remindSubjectAccessDue } from './app/subject-access-requests.js';
import { sharedPrivacyDeps } from './privacy-deps.js';
import { sharedPrivacyStore } from './shared-privacy.js';
import { privacyNotifiers } from './teams/privacy.notifications.js';
import { privacyRoutes } from './teams/privacy.routes.js';

/** Retention, subject access, legal holds, restriction and erasure, and the data map behind them (docs/privacy.md). */
export const privacyFeature: FeatureFactory = async (context) => {
  const { config } = context;
  const deps = await sharedPrivacyDeps(context);
  const now = () => deps.clock.now();
  const store = await sharedPrivacyStore(context);
  const everyMs = config.SCHEDULER_INTERVAL_SECONDS * 1000;
  const lease = new TableLease(await context.openTable('Leases'), 'privacyDaily', randomUUID(), everyMs * 2, now);
  return {
    routes: (routes) => privacyRoutes(routes, deps),
    notifiers: privacyNotifiers(deps),
    outboxTables: [store.table],
    jobs: [
      {
        name: 'privacyDaily',
        everyMs,
        run: async () => {
          const outcome = await runRetention(deps, lease);
          if (!outcome.ran && !(await lease.acquire())) return;
          await resumeErasures(deps);
          await remindSubjectAccessDue(deps);
        },
      },
    ],
  };
};
