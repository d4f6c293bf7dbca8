/** What sign-up and approval ask the bot to tell people: ids only; the notifier reads the rest when it sends. */
export type JourneyMessage =
  | { readonly type: 'approvalRequest'; readonly mentorId: string; readonly approvalId: string; readonly reminder?: boolean }
  | { readonly type: 'approvalDecided'; readonly mentorId: string; readonly approvalId: string }
  | { readonly type: 'approvalCardsUpdate'; readonly mentorId: string; readonly approvalId: string }
  /** To the applicant: Teams would not deliver their request to this approver. */
  | { readonly type: 'approverUnreachable'; readonly mentorId: string; readonly approvalId: string; readonly approverId: string }
  | { readonly type: 'coordinatorNotice'; readonly notice: CoordinatorNotice };

export type CoordinatorNotice =
  | { readonly kind: 'approvalDecided'; readonly mentorId: string; readonly approvalId: string }
  | { readonly kind: 'approvalEscalated'; readonly mentorId: string; readonly approvalId: string }
  | { readonly kind: 'recipientUnreachable'; readonly recipientId: string; readonly reason: string; readonly about: string };

declare module '../../platform/app/outbound-message.js' {
  interface OutboundMessages {
    journey: JourneyMessage;
  }
}
