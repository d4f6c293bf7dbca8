import type { PersonRef } from '../../platform/kernel/person.js';

export type ApprovalKind = 'lineManager' | 'governance';
export type ApprovalStatus = 'pending' | 'approved' | 'declined';
export type Decision = 'approve' | 'decline';

export interface ApprovalRequest {
  /** Changes with every new request, so a card for an old request can never decide a new one. */
  readonly id: string;
  readonly kind: ApprovalKind;
  readonly approvers: readonly PersonRef[];
  readonly requestedAt: string;
  readonly status: ApprovalStatus;
  readonly decidedBy?: PersonRef;
  readonly decidedAt?: string;
  readonly reason?: string;
  readonly remindedAt?: string;
  readonly escalatedAt?: string;
}
