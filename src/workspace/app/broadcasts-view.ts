import { broadcastDeliveries, listBroadcasts, retryFailedSends, type BroadcastDeliveries, type BroadcastSummary } from '../../broadcast/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import type { WorkspaceDeps } from './workspace-deps.js';

/** The Broadcasts view: the broadcast capability's own use cases, which decide who may (coordinators). */
export function broadcastRows(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<BroadcastSummary[]>> {
  return listBroadcasts(deps.broadcasts, actor);
}

export function broadcastReportFor(deps: WorkspaceDeps, actor: PersonRef, broadcastId: string): Promise<Result<BroadcastDeliveries>> {
  return broadcastDeliveries(deps.broadcasts, actor, broadcastId);
}

/** "Retry the failed": the chat card's own use case; the worker sends, and the chat's progress card follows. */
export async function retryFailedFromWorkspace(deps: WorkspaceDeps, actor: PersonRef, broadcastId: string): Promise<Result<{ queued: number }>> {
  const retried = await retryFailedSends(deps.broadcasts, actor, broadcastId);
  return retried.ok ? ok({ queued: retried.value }) : retried;
}
