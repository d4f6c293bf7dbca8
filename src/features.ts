import { broadcastFeature } from './broadcast/broadcast.feature.js';
import type { FeatureFactory } from './platform/feature.js';
import { journeyFeature } from './journey/journey.feature.js';
import { matchingFeature } from './matching/matching.feature.js';
import { privacyFeature } from './privacy/privacy.feature.js';
import { sharedPrivacyDeps } from './privacy/privacy-deps.js';
import { relationshipFeature } from './relationship/relationship.feature.js';
import { sessionsFeature } from './sessions/sessions.feature.js';
import { workspaceFeature } from './workspace/workspace.feature.js';

/** Every feature, in the order their routes are tried. Add one line per feature. */
export const FEATURES: readonly FeatureFactory[] = [
  journeyFeature,
  matchingFeature,
  relationshipFeature,
  sessionsFeature,
  broadcastFeature,
  privacyFeature,
  workspaceFeature(sharedPrivacyDeps),
];
