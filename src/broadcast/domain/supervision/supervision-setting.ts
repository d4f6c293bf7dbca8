import { fail, ok, type Result } from '../../../platform/kernel/result.js';
import { DEFAULT_TIME_ZONE } from '../../../platform/kernel/time/zoned-time.js';
import { isKnownTimeZone, parseDay } from './zoned-time.js';

export { DEFAULT_TIME_ZONE };
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SUPERVISION_FORMATS = ['online', 'inPerson'] as const;
export type SupervisionFormat = (typeof SUPERVISION_FORMATS)[number];

/**
 * When quarterly group supervision happens, as the scheme configuration says it.
 * `weekOfQuarter` N means the N-th `weekday` of the quarter: days 7(N-1)+1 to 7N from the quarter's first day,
 * so "the second week of each quarter on a Tuesday" is the second Tuesday of January, April, July and October.
 */
export interface SupervisionSettingInput {
  readonly weekOfQuarter: number;
  readonly weekday: string;
  /** Local start, "HH:MM"; default 10:00. */
  readonly startTime?: string;
  /** Default 120. */
  readonly lengthMinutes?: number;
  /** Default online. */
  readonly format?: string;
  /** IANA name; default Europe/London. */
  readonly timeZone?: string;
  /** Local dates "YYYY-MM-DD" to avoid: the session moves to the next working day. */
  readonly bankHolidays?: readonly string[];
  /** How many days before the session the job creates it and sends the invitations; default 21. */
  readonly createDaysAhead?: number;
}

export interface SupervisionSetting {
  readonly weekOfQuarter: number;
  readonly weekday: Weekday;
  readonly startHour: number;
  readonly startMinute: number;
  readonly lengthMinutes: number;
  readonly format: SupervisionFormat;
  readonly timeZone: string;
  readonly bankHolidays: ReadonlySet<string>;
  readonly createDaysAhead: number;
}

export type SupervisionSettingErrorCode = 'SUPERVISION_SETTING_INVALID';
type Checked<T> = Result<T, SupervisionSettingErrorCode>;

const invalid = (message: string) => fail('SUPERVISION_SETTING_INVALID', `Supervision schedule: ${message}`);

function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function checkStartTime(text: string): Checked<{ startHour: number; startMinute: number }> {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const startHour = Number(match?.[1]);
  const startMinute = Number(match?.[2]);
  if (match === null || startHour > 23 || startMinute > 59) return invalid(`the start time "${text}" must be written HH:MM, for example 10:00.`);
  return ok({ startHour, startMinute });
}

function checkHolidays(days: readonly string[]): Checked<ReadonlySet<string>> {
  const wrong = days.find((day) => parseDay(day) === undefined);
  if (wrong !== undefined) return invalid(`the bank holiday "${wrong}" is not a date written YYYY-MM-DD.`);
  return ok(new Set(days));
}

/** Checks a configured schedule and fills in the defaults. */
export function checkSupervisionSetting(input: SupervisionSettingInput): Checked<SupervisionSetting> {
  const { weekOfQuarter, weekday, lengthMinutes = 120, format = 'online', createDaysAhead = 21 } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isWholeIn(weekOfQuarter, 1, 12)) return invalid('the week of the quarter must be a whole number from 1 to 12.');
  if (!WEEKDAYS.includes(weekday as Weekday)) return invalid(`the day must be one of ${WEEKDAYS.join(', ')}.`);
  if (!isWholeIn(lengthMinutes, 15, 8 * 60)) return invalid('the length must be from 15 minutes to 8 hours, in whole minutes.');
  if (!SUPERVISION_FORMATS.includes(format as SupervisionFormat)) return invalid('the format must be online or inPerson.');
  if (!isKnownTimeZone(timeZone)) return invalid(`"${timeZone}" is not a time zone this system knows (use an IANA name such as Europe/London).`);
  if (!isWholeIn(createDaysAhead, 0, 60)) return invalid('the session must be created from 0 to 60 days ahead, in whole days.');
  const start = checkStartTime(input.startTime ?? '10:00');
  if (!start.ok) return start;
  const bankHolidays = checkHolidays(input.bankHolidays ?? []);
  if (!bankHolidays.ok) return bankHolidays;
  return ok({
    weekOfQuarter,
    weekday: weekday as Weekday,
    ...start.value,
    lengthMinutes,
    format: format as SupervisionFormat,
    timeZone,
    bankHolidays: bankHolidays.value,
    createDaysAhead,
  });
}
