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
    .action('broadcastPreview', broadcastPreviewAction(deps))
    .action('broadcastEdit', broadcastEditAction(deps))
    .action('broadcastSend', broadcastSendAction(deps))
    .action('broadcastRetryFailed', broadcastRetryFailedAction(deps))
    .action('refreshBroadcast', refreshBroadcastAction(deps));
}
