import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { localDateOf, parseLocalDate, type LocalDate } from './local-date.js';
import { checkPlainText } from './plain-text.js';
import { checkClaimRequest, type ClaimErrorCode, type ClaimPolicy, type ClaimRequest } from './refreshment-claim.js';

export const MEETING_MODES = ['inPerson', 'online'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_MINUTES_MIN = 1;
export const MEETING_MINUTES_MAX = 600;
export const MEETING_FOCUS_MAX = 280;

/** Shown beside the focus field on the form. */
export const MEETING_FOCUS_GUIDANCE =
  'A few words on what you did or talked about (for example "CV and job search" or "visited the college"). ' +
  "Never write details of the young person's life here; if something worries you, use Support.";

/** One meeting as the mentor logged it, checked. */
export interface MeetingLogEntry {
  readonly date: LocalDate;
  readonly minutes: number;
  readonly mode: MeetingMode;
  readonly focus: string;
  readonly refreshment?: ClaimRequest;
}

/** What the form sends: anything, as a card payload can hold anything. */
export interface MeetingLogForm {
  readonly date?: unknown;
  readonly minutes?: unknown;
  readonly mode?: unknown;
  readonly focus?: unknown;
  /** Left empty when there is nothing to claim. */
  readonly refreshmentAmount?: unknown;
  readonly refreshmentPurpose?: unknown;
  readonly refreshmentNote?: unknown;
}

export interface MeetingLogContext {
  readonly now: Date;
  readonly matchStartedAt: Date;
  readonly timeZone?: string;
  readonly claimPolicy: ClaimPolicy;
}

export type MeetingLogErrorCode =
  | ClaimErrorCode
  | 'MEETING_FORM_INVALID'
  | 'MEETING_DATE_INVALID'
  | 'MEETING_DATE_IN_FUTURE'
  | 'MEETING_DATE_BEFORE_MATCH'
  | 'MEETING_MINUTES_INVALID'
  | 'MEETING_MODE_INVALID'
  | 'MEETING_FOCUS_MISSING';

/** Checks a logged meeting; the first problem found is reported. Never throws, whatever the input. */
export function validateMeetingLog(form: unknown, context: MeetingLogContext): Result<MeetingLogEntry, MeetingLogErrorCode> {
  if (typeof form !== 'object' || form === null) return fail('MEETING_FORM_INVALID', 'The meeting form was empty. Please fill it in again.');
  const input = form as MeetingLogForm;
  const date = checkDate(input.date, context);
  if (!date.ok) return date;
  const minutes = checkMinutes(input.minutes);
  if (!minutes.ok) return minutes;
  if (!isMode(input.mode)) return fail('MEETING_MODE_INVALID', 'Please choose whether you met in person or online.');
  const focus = checkPlainText(input.focus, { label: 'The focus', max: MEETING_FOCUS_MAX });
  if (!focus.ok) return focus;
  if (focus.value === '') return fail('MEETING_FOCUS_MISSING', 'Please add a few words on the focus of the meeting.');
  const entry: MeetingLogEntry = { date: date.value, minutes: minutes.value, mode: input.mode, focus: focus.value };
  if (isBlank(input.refreshmentAmount)) return ok(entry);
  const claim = checkClaimRequest(
    { amount: input.refreshmentAmount, purpose: input.refreshmentPurpose, note: input.refreshmentNote },
    context.claimPolicy,
  );
  return claim.ok ? ok({ ...entry, refreshment: claim.value }) : claim;
}

function checkDate(value: unknown, context: MeetingLogContext): Result<LocalDate, MeetingLogErrorCode> {
  const text = typeof value === 'string' ? value.trim().slice(0, 10) : '';
  if (typeof value !== 'string' || value.trim().length !== 10 || parseLocalDate(text) === undefined) {
    return fail('MEETING_DATE_INVALID', 'Please give the date of the meeting, such as 2025-03-14.');
  }
  if (text > localDateOf(context.now, context.timeZone)) return fail('MEETING_DATE_IN_FUTURE', 'The meeting date is in the future. Please log a meeting after it has happened.');
  const started = localDateOf(context.matchStartedAt, context.timeZone);
  if (text < started) return fail('MEETING_DATE_BEFORE_MATCH', `The meeting date is before the match started (${started}).`);
  return ok(text);
}

function checkMinutes(value: unknown): Result<number, MeetingLogErrorCode> {
  const minutes = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < MEETING_MINUTES_MIN || minutes > MEETING_MINUTES_MAX) {
    return fail('MEETING_MINUTES_INVALID', `Please give the length of the meeting in whole minutes, from ${MEETING_MINUTES_MIN} to ${MEETING_MINUTES_MAX}.`);
  }
  return ok(minutes);
}

function isMode(value: unknown): value is MeetingMode {
  return typeof value === 'string' && (MEETING_MODES as readonly string[]).includes(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
