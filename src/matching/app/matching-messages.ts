/** What matching asks the bot to tell people: ids only; the notifier reads what it may show when it sends. */
export type MatchingMessage =
  | { readonly type: 'askForProfile'; readonly mentorId: string }
  | { readonly type: 'matchRequest'; readonly youngPersonId: string; readonly proposalId: string }
  | { readonly type: 'matchStarted'; readonly youngPersonId: string; readonly matchId: string }
  | { readonly type: 'matchNotice'; readonly youngPersonId: string; readonly proposalId: string; readonly outcome: 'accepted' | 'declined' };

declare module '../../platform/app/outbound-message.js' {
  interface OutboundMessages {
    matching: MatchingMessage;
  }
}
