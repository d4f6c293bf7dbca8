/** The broadcast capability's face: the only module other capabilities import. */
export { sharedBroadcast, type SharedBroadcast } from './shared-broadcast.js';
export { retryFailedSends, type CoordinatorBroadcastDeps } from './app/coordinator-broadcasts.js';
export { broadcastDeliveries, listBroadcasts, type BroadcastDeliveries, type BroadcastSummary, type RecipientLine } from './app/broadcast-history.js';
