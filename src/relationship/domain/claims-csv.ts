import { monthOfDate, type MonthKey } from './calendar-month.js';
import { localDateOf } from './local-date.js';
import { formatPoundsPlain } from './money.js';
import { describeClaimState, type ClaimState, type RefreshmentClaim } from './refreshment-claim.js';

export interface ClaimsCsvOptions {
  /** The name finance knows the mentor by; the id is used when there is none. */
  readonly mentorName?: (mentorId: string) => string | undefined;
  /** Only claims in these states (default: every state but rejected). */
  readonly states?: readonly ClaimState[];
  /** For the day a claim was paid (default Europe/London). */
  readonly timeZone?: string;
}

const HEADER = ['Claim', 'Date', 'Mentor', 'Amount (GBP)', 'What it was for', 'Note', 'Status', 'Approved by', 'Paid on'];
const EXPORTED_BY_DEFAULT: readonly ClaimState[] = ['submitted', 'approved', 'paid'];

/** A month's claims as CSV text for finance (RFC 4180: CRLF line ends, quoted where needed). */
export function claimsCsv(claims: readonly RefreshmentClaim[], month: MonthKey, options: ClaimsCsvOptions = {}): string {
  const states = options.states ?? EXPORTED_BY_DEFAULT;
  const rows = claims
    .filter((claim) => monthOfDate(claim.date) === month && states.includes(claim.state))
    .sort((a, b) => (a.date === b.date ? compareText(a.id, b.id) : compareText(a.date, b.date)))
    .map((claim) => claimRow(claim, options));
  return [HEADER, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function claimRow(claim: RefreshmentClaim, options: ClaimsCsvOptions): string[] {
  const mentor = options.mentorName?.(claim.mentorId) ?? claim.mentorId;
  return [
    textCell(claim.id),
    claim.date,
    textCell(mentor),
    formatPoundsPlain(claim.amountPence),
    textCell(claim.purpose),
    textCell(claim.note ?? ''),
    textCell(describeClaimState(claim.state)),
    textCell(claim.state === 'approved' || claim.state === 'paid' ? (claim.decidedBy ?? '') : ''),
    claim.paidAt === undefined ? '' : localDateOf(claim.paidAt, options.timeZone),
  ];
}

/**
 * A free-text cell made safe for a spreadsheet: a leading = + - @ (or tab / carriage return) would be read as a formula,
 * so it gets a leading apostrophe; then RFC 4180 quoting.
 */
export function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
