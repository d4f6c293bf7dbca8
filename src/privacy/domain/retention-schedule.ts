import { addCalendarMonths, type CalendarDate } from './calendar-date.js';

/** The classes of record the retention job removes, each with its own trigger (docs/privacy.md, "Retention"). */
export const RECORD_CLASSES = [
  'declinedSignUp',
  'youngPersonRecord',
  'meetingLog',
  'refreshmentClaim',
  'accessLog',
  'undeliveredMessage',
  'broadcastDelivery',
] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

export interface RetentionPeriod {
  readonly months: number;
  /** Kept to the end of the calendar year the period ends in ("6 years plus the current year"). */
  readonly toYearEnd?: boolean;
}

export type RetentionSchedule = Readonly<Record<RecordClass, RetentionPeriod>>;

/** What starts each class's clock, in the words the dry run and the docs use. */
export const TRIGGERS: Readonly<Record<RecordClass, string>> = {
  declinedSignUp: 'the sign-up was declined or withdrawn',
  youngPersonRecord: "the young person's scheme record was closed",
  meetingLog: 'the meeting took place',
  refreshmentClaim: 'the claim was made',
  accessLog: 'the record was read (and the record itself is closed or gone)',
  undeliveredMessage: 'the message was given up',
  broadcastDelivery: 'the broadcast finished sending',
};

export const CLASS_NAMES: Readonly<Record<RecordClass, string>> = {
  declinedSignUp: 'declined or withdrawn sign-ups',
  youngPersonRecord: "young people's scheme records",
  meetingLog: 'meeting logs',
  refreshmentClaim: 'refreshment claims',
  accessLog: 'read-access rows',
  undeliveredMessage: 'undelivered messages',
  broadcastDelivery: 'broadcast delivery rows',
};

/** The defaults proposed in docs/privacy.md; a deployment replaces any of them (RETENTION_SCHEDULE). */
export const DEFAULT_RETENTION: RetentionSchedule = {
  declinedSignUp: { months: 6 },
  youngPersonRecord: { months: 12 },
  meetingLog: { months: 24 },
  refreshmentClaim: { months: 72, toYearEnd: true },
  accessLog: { months: 24 },
  undeliveredMessage: { months: 3 },
  broadcastDelivery: { months: 12 },
};

/** The first day a record may go: its trigger date plus the period (then to the next 1 January when `toYearEnd`). */
export function removableFrom(triggeredOn: CalendarDate, period: RetentionPeriod): CalendarDate {
  const end = addCalendarMonths(triggeredOn, period.months);
  return period.toYearEnd ? `${Number(end.slice(0, 4)) + 1}-01-01` : end;
}

export function isDue(triggeredOn: CalendarDate, period: RetentionPeriod, today: CalendarDate): boolean {
  return removableFrom(triggeredOn, period) <= today;
}
