import { monthOfDate, type MonthKey } from './calendar-month.js';
import type { Pence } from './money.js';
import type { ClaimState, RefreshmentClaim } from './refreshment-claim.js';

export interface ClaimTotals {
  readonly count: number;
  /** Everything claimed and not rejected. */
  readonly claimedPence: Pence;
  readonly submittedPence: Pence;
  readonly approvedPence: Pence;
  readonly paidPence: Pence;
  readonly rejectedPence: Pence;
}

export const NO_CLAIMS: ClaimTotals = { count: 0, claimedPence: 0, submittedPence: 0, approvedPence: 0, paidPence: 0, rejectedPence: 0 };

const FIELD: Record<ClaimState, keyof ClaimTotals> = {
  submitted: 'submittedPence',
  approved: 'approvedPence',
  paid: 'paidPence',
  rejected: 'rejectedPence',
};

/** Adds one claim to running totals (integer pence, so the sums are exact). */
export function addClaim(totals: ClaimTotals, claim: Pick<RefreshmentClaim, 'amountPence' | 'state'>): ClaimTotals {
  const field = FIELD[claim.state];
  return {
    ...totals,
    count: totals.count + 1,
    claimedPence: totals.claimedPence + (claim.state === 'rejected' ? 0 : claim.amountPence),
    [field]: totals[field] + claim.amountPence,
  };
}

export function claimTotalsForMonth(claims: readonly Pick<RefreshmentClaim, 'amountPence' | 'state' | 'date'>[], month: MonthKey): ClaimTotals {
  let totals = NO_CLAIMS;
  for (const claim of claims) {
    if (monthOfDate(claim.date) === month) totals = addClaim(totals, claim);
  }
  return totals;
}
