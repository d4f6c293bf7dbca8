import type { RouteRegistry } from '../../platform/teams/route-registry.js';
import type { PrivacyDeps } from '../app/privacy-ports.js';
import { privacyHandlers } from './privacy.handler.js';
import { PRIVACY_VERBS } from './privacy.verbs.js';

/** Subject access, retention, legal holds, restriction and erasure, for the coordinators and the DPO (docs/privacy.md). */
export function privacyRoutes(routes: RouteRegistry, deps: PrivacyDeps): void {
  const h = privacyHandlers(deps);
  routes
    .command(/^\s*privacy\s*$/i, 'privacy', h.privacyCommand)
    .command(/^\s*subject\s+access\s+\S.*$/i, 'subjectAccess', h.subjectAccessCommand)
    .command(/^\s*retention\s+dry\s+run\s*$/i, 'retentionDryRun', h.dryRunCommand)
    .command(/^\s*legal\s+hold\s+\S+.*$/is, 'legalHold', h.holdCommand)
    .command(/^\s*lift\s+hold\s+\S+\s*$/i, 'liftHold', h.liftHoldCommand)
    .command(/^\s*restrict\s+\S+.*$/is, 'restrict', h.restrictCommand)
    .command(/^\s*lift\s+restriction\s+\S+\s*$/i, 'liftRestriction', h.liftRestrictionCommand)
    .command(/^\s*erase\s+\S+\s*$/i, 'erase', h.eraseCommand)
    .actions(PRIVACY_VERBS, h);
}
