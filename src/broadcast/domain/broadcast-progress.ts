import type { DeliveryFailureCode, DeliveryOutcome } from '../../platform/kernel/delivery/delivery-outcome.js';

export type RecipientState =
  | { readonly status: 'pending' }
  | { readonly status: 'retrying'; readonly at: Date; readonly reason: string }
  | { readonly status: 'sent' }
  | { readonly status: 'failed'; readonly code: DeliveryFailureCode; readonly reason: string };

/** One recorded outcome for one recipient, in the order they were recorded. */
export interface OutcomeEvent {
  readonly recipientId: string;
  readonly outcome: DeliveryOutcome;
}

export interface BroadcastFailure {
  readonly recipientId: string;
  readonly code: DeliveryFailureCode;
  readonly reason: string;
}

export interface BroadcastProgress {
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  /** Not yet sent or waiting to try again. */
  readonly remaining: number;
  readonly finished: boolean;
  readonly failures: readonly BroadcastFailure[];
}

const PENDING: RecipientState = { status: 'pending' };

/**
 * One recipient's state after one more outcome. Sent is final, so an outcome recorded twice (queues deliver at least
 * once) or a late failure never undoes a delivery; otherwise the latest outcome decides, which lets a retried failure
 * become sent.
 */
export function nextRecipientState(state: RecipientState, outcome: DeliveryOutcome): RecipientState {
  if (state.status === 'sent') return state;
  if (outcome.kind === 'delivered') return { status: 'sent' };
  if (outcome.kind === 'retry') return { status: 'retrying', at: outcome.at, reason: outcome.reason };
  return { status: 'failed', code: outcome.code, reason: outcome.reason };
}

/** Every recipient's state, in recipient order; outcomes for anyone not in the list are ignored. */
export function recipientStates(recipientIds: readonly string[], events: readonly OutcomeEvent[]): ReadonlyMap<string, RecipientState> {
  const states = new Map<string, RecipientState>(recipientIds.map((id) => [id, PENDING]));
  for (const { recipientId, outcome } of events) {
    const state = states.get(recipientId);
    if (state !== undefined) states.set(recipientId, nextRecipientState(state, outcome));
  }
  return states;
}

export function summariseProgress(states: ReadonlyMap<string, RecipientState>): BroadcastProgress {
  let sent = 0;
  const failures: BroadcastFailure[] = [];
  for (const [recipientId, state] of states) {
    if (state.status === 'sent') sent += 1;
    if (state.status === 'failed') failures.push({ recipientId, code: state.code, reason: state.reason });
  }
  const remaining = states.size - sent - failures.length;
  return { total: states.size, sent, failed: failures.length, remaining, finished: remaining === 0, failures };
}

/** Who the Retry-failed button sends to again. */
export function failedRecipients(states: ReadonlyMap<string, RecipientState>): string[] {
  return [...states].filter(([, state]) => state.status === 'failed').map(([id]) => id);
}

/** One recipient's stored row, as far as the counts need it. */
export interface RecipientRow {
  readonly recipientId: string;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly code?: string;
  readonly reason?: string;
  /**
   * A worker claimed this recipient and never recorded what Teams answered (it was killed, or its claim ran out), so
   * the next worker sent again: the person may have received it twice.
   */
  readonly inDoubt: boolean;
}

/** The counts the coordinator's card shows, from the stored rows. */
export interface RecipientTally {
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly remaining: number;
  /** Sent, after an earlier send whose outcome was never recorded: a second copy is possible, never certain. */
  readonly mayHaveReceivedTwice: number;
  readonly failures: ReadonlyArray<{ readonly recipientId: string; readonly code: string; readonly reason: string }>;
}

/** `total` is the broadcast's own count, which may run ahead of the rows while recipients are being added. */
export function tallyRecipients(rows: readonly RecipientRow[], total = 0): RecipientTally {
  const sent = rows.filter((row) => row.status === 'sent');
  const failures = rows.filter((row) => row.status === 'failed').map((row) => ({ recipientId: row.recipientId, code: row.code ?? 'REJECTED', reason: row.reason ?? '' }));
  const all = Math.max(total, rows.length);
  return {
    total: all,
    sent: sent.length,
    failed: failures.length,
    remaining: all - sent.length - failures.length,
    mayHaveReceivedTwice: sent.filter((row) => row.inDoubt).length,
    failures,
  };
}
