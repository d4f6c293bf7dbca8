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
  'privacyRecord',
  'pastSession',
  'supportConcern',
  'mentorLeft',
  'cohort',
  'rotaMonth',
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
  privacyRecord: 'the subject access request was sent, or the legal hold or restriction was lifted',
  pastSession: 'the session ended',
  supportConcern: 'the match it was about ended (and it was picked up)',
  mentorLeft: 'the mentor left the scheme (withdrew after approval)',
  cohort: 'the cohort was opened',
  rotaMonth: "the Regulation 33 rota's month ended",
};

export const CLASS_NAMES: Readonly<Record<RecordClass, string>> = {
  declinedSignUp: 'declined or withdrawn sign-ups',
  youngPersonRecord: "young people's scheme records",
  meetingLog: 'meeting logs',
  refreshmentClaim: 'refreshment claims',
  accessLog: 'read-access rows',
  undeliveredMessage: 'undelivered messages',
  broadcastDelivery: 'broadcast delivery rows',
  privacyRecord: 'closed subject access requests, lifted holds and restrictions',
  pastSession: "past sessions' bookings",
  supportConcern: 'support and safeguarding concerns',
  mentorLeft: 'mentors who left the scheme',
  cohort: 'cohorts',
  rotaMonth: "the Regulation 33 rota's past months",
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
  privacyRecord: { months: 72 },
  pastSession: { months: 24 },
  supportConcern: { months: 72 },
  mentorLeft: { months: 24 },
  cohort: { months: 24 },
  rotaMonth: { months: 24 },
};

/** The first day a record may go: its trigger date plus the period (then to the next 1 January when `toYearEnd`). */
export function removableFrom(triggeredOn: CalendarDate, period: RetentionPeriod): CalendarDate {
  const end = addCalendarMonths(triggeredOn, period.months);
  return period.toYearEnd ? `${Number(end.slice(0, 4)) + 1}-01-01` : end;
}

export function isDue(triggeredOn: CalendarDate, period: RetentionPeriod, today: CalendarDate): boolean {
  return removableFrom(triggeredOn, period) <= today;
}
