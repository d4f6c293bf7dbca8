import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { DEFAULT_TIME_ZONE, MAX_SEATS, MIN_SEATS, type SessionDraft, type SessionKind, type SessionLocation } from './session.js';
import { isTimeZone, localToUtc } from './zoned-time.js';
import { cohortIdFor } from './cohort.js';

/** The name a cohort seeded from the scheme file gets: "2027 cohort". */
export function cohortName(year: number): string {
  return `${year} cohort`;
}

export type CohortKind = Extract<SessionKind, 'informationSession' | 'training'>;

export interface TimeOfDayRange {
  /** 'HH:mm', wall-clock time in the cohort's time zone. */
  readonly start: string;
  readonly end: string;
}

/** The scheme configuration's cohort section; everything but the year has a default. */
export interface CohortConfig {
  readonly year: number;
  /** 'MM-DD'. */
  readonly informationSessionDate?: string;
  readonly trainingDate?: string;
  readonly times?: { readonly informationSession?: TimeOfDayRange; readonly training?: TimeOfDayRange };
  readonly location: SessionLocation;
  readonly seats: number;
  readonly timeZone?: string;
  readonly bookingClosesHoursBefore?: number;
}

export const DEFAULT_COHORT = {
  informationSessionDate: '11-09',
  trainingDate: '11-30',
  times: {
    informationSession: { start: '10:00', end: '12:00' },
    training: { start: '09:30', end: '16:30' },
  },
  bookingClosesHoursBefore: 24,
} as const;

/** Stable for a cohort, so seeding twice finds the sessions already there instead of creating them again. */
export function cohortSessionId(year: number, kind: CohortKind): string {
  return `cohort-${year}-${kind === 'training' ? 'training' : 'information-session'}`;
}

export type CohortErrorCode = 'INVALID_COHORT_CONFIG';

export function cohortSessionDrafts(config: CohortConfig): Result<readonly SessionDraft[], CohortErrorCode> {
  const timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
  if (!Number.isInteger(config.year) || config.year < 2000 || config.year > 2999) {
    return invalid(`the year ${config.year} is not a year such as 2026.`);
  }
  if (!isTimeZone(timeZone)) return invalid(`"${timeZone}" is not a time zone such as Europe/London.`);
  if (!Number.isInteger(config.seats) || config.seats < MIN_SEATS || config.seats > MAX_SEATS) {
    return invalid(`seats must be a whole number from ${MIN_SEATS} to ${MAX_SEATS}.`);
  }
  if (config.location.type === 'inPerson' && !config.location.venue.trim()) return invalid('an in-person session needs a venue.');
  const closesHours = config.bookingClosesHoursBefore ?? DEFAULT_COHORT.bookingClosesHoursBefore;
  if (!(closesHours >= 0)) return invalid('bookingClosesHoursBefore must be zero or more.');
  const base = { timeZone, location: config.location, seats: config.seats, closesHours };
  const information = draft(config, 'informationSession', base);
  if (!information.ok) return information;
  const training = draft(config, 'training', base);
  if (!training.ok) return training;
  return ok([information.value, training.value]);
}

interface Shared {
  readonly timeZone: string;
  readonly location: SessionLocation;
  readonly seats: number;
  readonly closesHours: number;
}

const TITLES: Record<CohortKind, (year: number) => string> = {
  informationSession: (year) => `Mentoring scheme information session ${year}`,
  training: (year) => `Mentor training ${year} (full day)`,
};

function draft(config: CohortConfig, kind: CohortKind, shared: Shared): Result<SessionDraft, CohortErrorCode> {
  const date =
    kind === 'training'
      ? (config.trainingDate ?? DEFAULT_COHORT.trainingDate)
      : (config.informationSessionDate ?? DEFAULT_COHORT.informationSessionDate);
  const times = config.times?.[kind] ?? DEFAULT_COHORT.times[kind];
  const start = at(config.year, date, times.start, shared.timeZone);
  const end = at(config.year, date, times.end, shared.timeZone);
  if (!start || !end) {
    return invalid(`the ${kind} date "${date}" or times "${times.start}"–"${times.end}" are not real (MM-DD and HH:mm).`);
  }
  if (end <= start) return invalid(`the ${kind} must end after it starts.`);
  const closes = new Date(start.getTime() - shared.closesHours * 3_600_000);
  return ok({
    id: cohortSessionId(config.year, kind),
    kind,
    title: TITLES[kind](config.year),
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    timeZone: shared.timeZone,
    location: shared.location,
    seats: shared.seats,
    bookingClosesAt: closes.toISOString(),
    cohortId: cohortIdFor(cohortName(config.year)),
  } satisfies SessionDraft);
}

function at(year: number, monthDay: string, time: string, timeZone: string): Date | undefined {
  const date = /^(\d{2})-(\d{2})$/.exec(monthDay);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!date || !clock) return undefined;
  const [month, day, hour, minute] = [date[1], date[2], clock[1], clock[2]].map(Number) as [number, number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || hour > 23 || minute > 59) return undefined;
  return localToUtc({ year, month, day, hour, minute }, timeZone);
}

function invalid(reason: string): { ok: false; error: { code: CohortErrorCode; message: string } } {
  return fail('INVALID_COHORT_CONFIG', `The scheme configuration's cohort sessions are not right: ${reason}`);
}
