/** The relationship capability's face: the only module other capabilities import. */
export { claimsForMonth, decideClaim, exportClaims, type MonthClaims } from './app/claims.js';
export type { RelationshipDeps } from './app/relationship-ports.js';
export type { RefreshmentClaim } from './domain/index.js';
export { sharedRelationship } from './shared-relationship.js';
export { commitmentOverview, type CommitmentOverview, type CommitmentRow } from './app/commitment-overview.js';
export { myClaims, type MyClaim } from './app/my-claims.js';
export { supportContactLines, type ContactLine } from './app/support-contacts.js';
