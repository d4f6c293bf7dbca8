/** What the mentoring relationship asks the bot to tell people: ids and months only; the notifier reads the rest. */
export type RelationshipMessage =
  | { readonly type: 'commitmentNudge'; readonly matchId: string; readonly month: string }
  | { readonly type: 'commitmentShortfall'; readonly matchId: string; readonly month: string }
  | { readonly type: 'relationshipReview'; readonly matchId: string }
  | { readonly type: 'relationshipEnded'; readonly matchId: string }
  | { readonly type: 'feedbackRequest'; readonly matchId: string }
  | { readonly type: 'checkInDue'; readonly matchId: string; readonly key: string }
  | { readonly type: 'supportConcern'; readonly concernId: string; readonly reminder: boolean }
  | { readonly type: 'concernAcknowledged'; readonly concernId: string }
  | { readonly type: 'claimRejected'; readonly matchId: string; readonly claimId: string };

declare module '../../platform/app/outbound-message.js' {
  interface OutboundMessages {
    relationship: RelationshipMessage;
  }
}
