import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { LocalDate } from './local-date.js';
import { formatPounds, parsePounds, type MoneyErrorCode, type Pence } from './money.js';
import { checkPlainText, type PlainTextErrorCode } from './plain-text.js';

export const CLAIM_STATES = ['submitted', 'approved', 'rejected', 'paid'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export interface ClaimPolicy {
  /** A claim above this needs a note saying why. */
  readonly noteRequiredAbovePence: Pence;
  /** Anything above this is refused as a mistake. */
  readonly maxPence: Pence;
}

export const DEFAULT_CLAIM_POLICY: ClaimPolicy = { noteRequiredAbovePence: 15_00, maxPence: 200_00 };

export const CLAIM_TEXT_MAX = 140;

/** What a mentor asks to be paid back, checked. */
export interface ClaimRequest {
  readonly amountPence: Pence;
  readonly purpose: string;
  readonly note?: string;
}

export interface RefreshmentClaim extends ClaimRequest {
  readonly id: string;
  readonly matchId: string;
  readonly mentorId: string;
  /** The day of the meeting the refreshments were for; the claim belongs to that month. */
  readonly date: LocalDate;
  readonly state: ClaimState;
  readonly submittedAt: Date;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly rejectionReason?: string;
  readonly paidBy?: string;
  readonly paidAt?: Date;
}

export type ClaimErrorCode =
  | MoneyErrorCode
  | PlainTextErrorCode
  | 'CLAIM_PURPOSE_MISSING'
  | 'CLAIM_NOTE_REQUIRED'
  | 'CLAIM_ALREADY_PAID'
  | 'CLAIM_STATE_NOT_ALLOWED'
  | 'CLAIM_REJECTION_REASON_MISSING';

export interface ClaimRequestInput {
  readonly amount: unknown;
  readonly purpose: unknown;
  readonly note?: unknown;
}

export function checkClaimRequest(input: ClaimRequestInput, policy: ClaimPolicy): Result<ClaimRequest, ClaimErrorCode> {
  const amount = parsePounds(input.amount, { maxPence: policy.maxPence });
  if (!amount.ok) return amount;
  const purpose = checkPlainText(input.purpose, { label: 'What the refreshments were for', max: CLAIM_TEXT_MAX });
  if (!purpose.ok) return purpose;
  if (purpose.value === '') return fail('CLAIM_PURPOSE_MISSING', 'Please say what the refreshments were for (for example "two coffees").');
  const note = checkPlainText(input.note ?? '', { label: 'The note', max: CLAIM_TEXT_MAX });
  if (!note.ok) return note;
  if (amount.value > policy.noteRequiredAbovePence && note.value === '') {
    return fail('CLAIM_NOTE_REQUIRED', `Claims over ${formatPounds(policy.noteRequiredAbovePence)} need a short note saying why.`);
  }
  return ok({ amountPence: amount.value, purpose: purpose.value, ...(note.value === '' ? {} : { note: note.value }) });
}

export interface NewClaimDetails {
  readonly id: string;
  readonly matchId: string;
  readonly mentorId: string;
  readonly date: LocalDate;
  readonly now: Date;
}

export function submitClaim(request: ClaimRequest, details: NewClaimDetails): RefreshmentClaim {
  const { now, ...rest } = details;
  return { ...rest, ...request, state: 'submitted', submittedAt: now };
}

export function approveClaim(claim: RefreshmentClaim, by: string, at: Date): Result<RefreshmentClaim, ClaimErrorCode> {
  if (claim.state !== 'submitted') return notAllowed(claim, 'approved');
  return ok({ ...claim, state: 'approved', decidedBy: by, decidedAt: at });
}

/** The reason is what the coordinator typed, checked here by the free-text rule. */
export function rejectClaim(claim: RefreshmentClaim, by: string, at: Date, reasonTyped: unknown): Result<RefreshmentClaim, ClaimErrorCode> {
  if (claim.state !== 'submitted' && claim.state !== 'approved') return notAllowed(claim, 'rejected');
  const reason = checkPlainText(reasonTyped, { label: 'The reason', max: CLAIM_TEXT_MAX });
  if (!reason.ok) return reason;
  if (reason.value === '') return fail('CLAIM_REJECTION_REASON_MISSING', 'Please give the mentor a reason for rejecting the claim.');
  return ok({ ...claim, state: 'rejected', decidedBy: by, decidedAt: at, rejectionReason: reason.value });
}

export function markClaimPaid(claim: RefreshmentClaim, by: string, at: Date): Result<RefreshmentClaim, ClaimErrorCode> {
  if (claim.state !== 'approved') return notAllowed(claim, 'paid');
  return ok({ ...claim, state: 'paid', paidBy: by, paidAt: at });
}

/** A change of amount or words sends the claim back for approval; a paid claim is final. */
export function editClaim(claim: RefreshmentClaim, input: ClaimRequestInput, policy: ClaimPolicy): Result<RefreshmentClaim, ClaimErrorCode> {
  if (claim.state === 'paid') return fail('CLAIM_ALREADY_PAID', 'This claim has been paid, so it can no longer be changed.');
  const request = checkClaimRequest(input, policy);
  if (!request.ok) return request;
  const { note: _oldNote, decidedBy: _by, decidedAt: _at, rejectionReason: _reason, ...kept } = claim;
  return ok({ ...kept, ...request.value, state: 'submitted' });
}

const STATE_WORDS: Record<ClaimState, string> = { submitted: 'waiting for approval', approved: 'approved', rejected: 'rejected', paid: 'paid' };

export function describeClaimState(state: ClaimState): string {
  return STATE_WORDS[state];
}

function notAllowed(claim: RefreshmentClaim, to: ClaimState) {
  return fail('CLAIM_STATE_NOT_ALLOWED', `A claim that is ${STATE_WORDS[claim.state]} cannot be marked ${STATE_WORDS[to]}.`);
}
