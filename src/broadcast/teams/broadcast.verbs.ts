/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const BROADCAST_VERBS = {
  broadcastEdit: 'broadcastEdit',
  broadcastPreview: 'broadcastPreview',
  broadcastRetryFailed: 'broadcastRetryFailed',
  broadcastSend: 'broadcastSend',
  refreshBroadcast: 'refreshBroadcast',
  supervisionRsvp: 'supervisionRsvp',
} as const;
