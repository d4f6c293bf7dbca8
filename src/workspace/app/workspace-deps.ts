import type { CoordinatorBroadcastDeps } from '../../broadcast/index.js';
import type { MatchingDeps } from '../../matching/index.js';
import type { PrivacyDeps } from '../../privacy/index.js';
import type { RelationshipDeps } from '../../relationship/index.js';
import type { SessionDeps } from '../../sessions/index.js';

/** The capabilities' own dependencies: every view and action of the workspace goes through their use cases. */
export interface WorkspaceDeps {
  readonly sessions: SessionDeps;
  readonly matching: MatchingDeps;
  readonly relationship: RelationshipDeps;
  /** The coordinators' broadcast use cases' needs (the chat's broadcast cards use the same). */
  readonly broadcasts: CoordinatorBroadcastDeps;
  /** Subject access: the chat's privacy cards use the same. */
  readonly privacy: PrivacyDeps;
}
