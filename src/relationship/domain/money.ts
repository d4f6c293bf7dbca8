import { fail, ok, type Result } from '../../platform/kernel/result.js';

/** Money is held as a whole number of pence, never as a fraction of pounds. */
export type Pence = number;

export type MoneyErrorCode = 'AMOUNT_MISSING' | 'AMOUNT_INVALID' | 'AMOUNT_NEGATIVE' | 'AMOUNT_TOO_PRECISE' | 'AMOUNT_ZERO' | 'AMOUNT_TOO_LARGE';

export interface ParsePoundsOptions {
  /** Above this the amount is refused as a slip of the keyboard. */
  readonly maxPence: Pence;
}

const POUNDS = /^£?\s*(\d+)(?:\.(\d{1,2}))?$/;

/** Reads "£4.50", "4.5" or "4" (or the number 4.5 from a number input) as pence. */
export function parsePounds(input: unknown, options: ParsePoundsOptions): Result<Pence, MoneyErrorCode> {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : typeof input === 'string' ? input.trim() : undefined;
  if (text === undefined || text === '') return fail('AMOUNT_MISSING', 'Please enter an amount, such as £4.50.');
  if (/^(-|£\s*-|−)/.test(text)) return fail('AMOUNT_NEGATIVE', 'An amount cannot be negative.');
  if (/^£?\s*\d*\.\d{3,}$/.test(text)) return fail('AMOUNT_TOO_PRECISE', 'Please give the amount in pounds and pence, with at most 2 digits after the point (such as 4.50).');
  const match = POUNDS.exec(text);
  if (match === null) return fail('AMOUNT_INVALID', `"${text.slice(0, 20)}" is not an amount. Please write it like £4.50 or 4.50.`);
  const pounds = match[1] ?? '0';
  if (pounds.replace(/^0+/, '').length > 7) return tooLarge(options.maxPence);
  const pence = Number(pounds) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (pence === 0) return fail('AMOUNT_ZERO', 'The amount must be more than £0.00.');
  if (pence > options.maxPence) return tooLarge(options.maxPence);
  return ok(pence);
}

function tooLarge(maxPence: Pence) {
  return fail('AMOUNT_TOO_LARGE', `That is more than the most that can be claimed (${formatPounds(maxPence)}). Please check the amount.`);
}

/** "4.50": pounds with 2 decimals, for files. */
export function formatPoundsPlain(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const whole = Math.abs(pence);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** "£4.50": for people. */
export function formatPounds(pence: Pence): string {
  return `£${formatPoundsPlain(pence)}`;
}
