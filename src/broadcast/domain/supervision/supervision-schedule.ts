import { addQuarters, firstDayOfQuarter, quarterLabel, quarterOfDay, type Quarter } from './quarter.js';
import { WEEKDAYS, type SupervisionFormat, type SupervisionSetting } from './supervision-setting.js';
import { dayAfter, formatDay, instantOf, wallTimeAt, weekdayOf, type CalendarDay } from './zoned-time.js';

/** A quarter as instants: from local midnight on its first day to local midnight on the next quarter's first day. */
export interface QuarterSpan {
  readonly quarter: Quarter;
  readonly label: string;
  readonly starts: Date;
  /** Exclusive. */
  readonly ends: Date;
}

/** One quarter's supervision session. */
export interface SupervisionOccurrence {
  /** Stable per quarter ("supervision-2026-Q4"): creating it twice is a no-op. */
  readonly id: string;
  readonly quarter: Quarter;
  /** Local date of the session. */
  readonly date: string;
  /** The date the setting gives, before moving off a bank holiday; equal to `date` when nothing moved. */
  readonly plannedDate: string;
  readonly start: Date;
  readonly end: Date;
  readonly format: SupervisionFormat;
  readonly timeZone: string;
  /** From local midnight this many days ahead, the job that creates the session is due. */
  readonly createFrom: Date;
}

export interface SupervisionPlan {
  readonly current: QuarterSpan & { readonly occurrence: SupervisionOccurrence };
  readonly next: QuarterSpan & { readonly occurrence: SupervisionOccurrence };
  /**
   * Sessions the job should make sure exist now. A session is due from `createFrom` until it starts, so a job that was
   * down when it should have run still creates it (by id, once); sessions of past quarters never appear.
   */
  readonly toCreate: readonly SupervisionOccurrence[];
  /** When the job should look again. */
  readonly nextCheckAt: Date;
}

const MINUTE_MS = 60_000;

function isWorkingDay(day: CalendarDay, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(formatDay(day));
}

function nextWorkingDay(day: CalendarDay, holidays: ReadonlySet<string>): CalendarDay {
  let candidate = day;
  while (!isWorkingDay(candidate, holidays)) candidate = dayAfter(candidate);
  return candidate;
}

function plannedDay(quarter: Quarter, setting: SupervisionSetting): CalendarDay {
  const first = firstDayOfQuarter(quarter);
  const wanted = WEEKDAYS.indexOf(setting.weekday) + 1;
  const toWeekday = (wanted - weekdayOf(first) + 7) % 7;
  return dayAfter(first, toWeekday + 7 * (setting.weekOfQuarter - 1));
}

function localMidnight(day: CalendarDay, timeZone: string): Date {
  return new Date(instantOf({ ...day, hour: 0, minute: 0 }, timeZone));
}

export function supervisionId(quarter: Quarter): string {
  return `supervision-${quarterLabel(quarter)}`;
}

export function quarterSpan(quarter: Quarter, timeZone: string): QuarterSpan {
  return {
    quarter,
    label: quarterLabel(quarter),
    starts: localMidnight(firstDayOfQuarter(quarter), timeZone),
    ends: localMidnight(firstDayOfQuarter(addQuarters(quarter, 1)), timeZone),
  };
}

/** The quarter a local calendar in `timeZone` shows at `now`. */
export function quarterAt(now: Date, timeZone: string): Quarter {
  return quarterOfDay(wallTimeAt(now.getTime(), timeZone));
}

export function supervisionIn(quarter: Quarter, setting: SupervisionSetting): SupervisionOccurrence {
  const planned = plannedDay(quarter, setting);
  const day = nextWorkingDay(planned, setting.bankHolidays);
  const start = instantOf({ ...day, hour: setting.startHour, minute: setting.startMinute }, setting.timeZone);
  return {
    id: supervisionId(quarter),
    quarter,
    date: formatDay(day),
    plannedDate: formatDay(planned),
    start: new Date(start),
    end: new Date(start + setting.lengthMinutes * MINUTE_MS),
    format: setting.format,
    timeZone: setting.timeZone,
    createFrom: localMidnight(dayAfter(day, -setting.createDaysAhead), setting.timeZone),
  };
}

function isDue(occurrence: SupervisionOccurrence, now: Date): boolean {
  return occurrence.createFrom.getTime() <= now.getTime() && now.getTime() < occurrence.start.getTime();
}

export function planSupervision(setting: SupervisionSetting, now: Date): SupervisionPlan {
  const quarter = quarterAt(now, setting.timeZone);
  const [current, next, afterNext] = [0, 1, 2].map((count) => supervisionIn(addQuarters(quarter, count), setting)) as [
    SupervisionOccurrence,
    SupervisionOccurrence,
    SupervisionOccurrence,
  ];
  const later = [current, next, afterNext].map((o) => o.createFrom.getTime()).filter((at) => at > now.getTime());
  return {
    current: { ...quarterSpan(quarter, setting.timeZone), occurrence: current },
    next: { ...quarterSpan(next.quarter, setting.timeZone), occurrence: next },
    toCreate: [current, next].filter((o) => isDue(o, now)),
    nextCheckAt: new Date(Math.min(...later)),
  };
}

/** The next session a mentor can still go to (for "my status"): this quarter's until it ends, then next quarter's. */
export function nextSupervision(setting: SupervisionSetting, now: Date): SupervisionOccurrence {
  const quarter = quarterAt(now, setting.timeZone);
  const current = supervisionIn(quarter, setting);
  return now.getTime() < current.end.getTime() ? current : supervisionIn(addQuarters(quarter, 1), setting);
}
