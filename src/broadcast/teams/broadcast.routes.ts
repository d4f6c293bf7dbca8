import { BROADCAST_VERBS } from './broadcast.verbs.js';
import {
  broadcastCommand,
  broadcastEditAction,
  broadcastPreviewAction,
  broadcastRetryFailedAction,
  broadcastSendAction,
  refreshBroadcastAction,
  type BroadcastTeamsDeps,
} from './broadcast.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** `broadcast` and its card's buttons; every one checks on the server that the person is a coordinator. */
export function broadcastRoutes(routes: RouteRegistry, deps: BroadcastTeamsDeps): void {
  routes
    .command(/^\s*broadcast\s*$/i, 'broadcast', broadcastCommand(deps))
    .action(BROADCAST_VERBS.broadcastPreview, broadcastPreviewAction(deps))
    .action(BROADCAST_VERBS.broadcastEdit, broadcastEditAction(deps))
    .action(BROADCAST_VERBS.broadcastSend, broadcastSendAction(deps))
    .action(BROADCAST_VERBS.broadcastRetryFailed, broadcastRetryFailedAction(deps))
    .action(BROADCAST_VERBS.refreshBroadcast, refreshBroadcastAction(deps));
}
