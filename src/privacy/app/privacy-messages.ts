import type { ClassCounts } from './privacy-ports.js';

/** What the privacy capability asks the bot to tell people: counts and ids only, never a record's content. */
export type PrivacyMessage =
  | { readonly type: 'retentionDryRun'; readonly on: string; readonly counts: ClassCounts; readonly firstRun: boolean }
  | { readonly type: 'subjectAccessDue'; readonly requestId: string; readonly dueOn: string };

declare module '../../platform/app/outbound-message.js' {
  interface OutboundMessages {
    privacy: PrivacyMessage;
  }
}
