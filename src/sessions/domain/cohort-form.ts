import { checkFreeText } from '../../platform/kernel/text/index.js';
import { DEFAULT_COHORT, type CohortConfig } from './cohort-sessions.js';
import { cohortIdFor, cohortKey, type CohortBook } from './cohort.js';
import { readLocation, readSeats } from './new-session.js';
import { invalidInput, problem, type FieldProblem, type InputResult } from '../../platform/kernel/validation/index.js';
import { textProblem } from './problems.js';
import { checkSessionTimes } from './session-times.js';
import { DEFAULT_TIME_ZONE, type SessionDraft, type SessionLocation } from './session.js';
import { toLocal } from './zoned-time.js';

/** The coordinator's "open the next cohort" form as it arrives from a card: every field unchecked. */
export interface CohortFormInput {
  readonly name?: unknown;
  readonly informationDate?: unknown;
  readonly informationStart?: unknown;
  readonly informationEnd?: unknown;
  readonly trainingDate?: unknown;
  readonly trainingStart?: unknown;
  readonly trainingEnd?: unknown;
  readonly location?: unknown;
  readonly venue?: unknown;
  readonly seats?: unknown;
  readonly closesHoursBefore?: unknown;
}

export const COHORT_FORM_FIELDS = [
  'name',
  'informationDate',
  'informationStart',
  'informationEnd',
  'trainingDate',
  'trainingStart',
  'trainingEnd',
  'location',
  'venue',
  'seats',
  'closesHoursBefore',
] as const;

export type CohortFormValues = Partial<Record<(typeof COHORT_FORM_FIELDS)[number], string>>;

export interface ParsedCohort {
  readonly id: string;
  readonly name: string;
  readonly drafts: readonly SessionDraft[];
}

export const MAX_COHORT_NAME_LENGTH = 60;
export const MAX_CLOSES_HOURS_BEFORE = 24 * 30;

export type CohortFormResult = InputResult<ParsedCohort, 'INVALID_COHORT'>;

/** Checks every field and reports every problem at once; the cohort's two sessions only when nothing is wrong. */
export function parseCohortForm(input: unknown, context: { readonly now: Date; readonly timeZone: string; readonly book: CohortBook }): CohortFormResult {
  const form: CohortFormInput = typeof input === 'object' && input !== null ? input : {};
  const problems: FieldProblem[] = [];
  const name = readName(form.name, context.book, problems);
  const location = readLocation(form.location, form.venue, problems);
  const seats = readSeats(form.seats, problems);
  const closesHours = readClosesHours(form.closesHoursBefore, problems);
  const information = readTimes('information', form.informationDate, form.informationStart, form.informationEnd, closesHours, context, problems);
  const training = readTimes('training', form.trainingDate, form.trainingStart, form.trainingEnd, closesHours, context, problems);
  if (information && training && information.startsAt >= training.startsAt) {
    problems.push(problem('trainingDate', 'TRAINING_BEFORE_INFORMATION', 'The training must come after the information session.'));
  }
  if (problems.length > 0 || name === undefined || !location || seats === undefined || !information || !training) {
    return invalidInput('INVALID_COHORT', problems);
  }
  const id = cohortIdFor(name);
  const label = name.replace(/\s*\bcohort\b\s*/i, ' ').trim() || name;
  const shared = { timeZone: context.timeZone, location, seats, cohortId: id };
  return {
    ok: true,
    value: {
      id,
      name,
      drafts: [
        { ...shared, ...information, id: `${id}-information-session`, kind: 'informationSession', title: `Mentoring scheme information session ${label}` },
        { ...shared, ...training, id: `${id}-training`, kind: 'training', title: `Mentor training ${label} (full day)` },
      ],
    },
  };
}

function readName(value: unknown, book: CohortBook, problems: FieldProblem[]): string | undefined {
  const name = checkFreeText(value, { label: 'The name', max: MAX_COHORT_NAME_LENGTH, required: true, whenMissing: 'Please give the cohort a name, such as "2027 cohort".' });
  if (!name.ok) {
    problems.push(textProblem('name', 'NAME', name.error));
    return undefined;
  }
  if (!cohortKey(name.value)) {
    problems.push(problem('name', 'NAME_NO_WORDS', 'Please give the cohort a name with letters or digits in it, such as "2027 cohort".'));
    return undefined;
  }
  const same = book.cohorts.find((cohort) => cohort.id === cohortIdFor(name.value));
  if (same) {
    problems.push(problem('name', 'COHORT_EXISTS', `There is already a cohort called "${same.name}". Please give the new one another name.`));
    return undefined;
  }
  return name.value;
}

function readClosesHours(value: unknown, problems: FieldProblem[]): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (text === undefined || text === '') return DEFAULT_COHORT.bookingClosesHoursBefore;
  if (typeof text === 'string' && /^\s*\d{1,4}\s*$/.test(text) && Number(text) <= MAX_CLOSES_HOURS_BEFORE) return Number(text);
  problems.push(problem('closesHoursBefore', 'INVALID_CLOSES_HOURS', `Booking closes a whole number of hours before each session, from 0 to ${MAX_CLOSES_HOURS_BEFORE}.`));
  return undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;
const WHAT = { information: 'information session', training: 'training' } as const;

/** One session's date, start and end; problems are put under that session's own fields. */
function readTimes(
  which: 'information' | 'training',
  date: unknown,
  start: unknown,
  end: unknown,
  closesHours: number | undefined,
  context: { readonly now: Date; readonly timeZone: string },
  problems: FieldProblem[],
): Pick<SessionDraft, 'startsAt' | 'endsAt' | 'bookingClosesAt'> | undefined {
  const field = (part: 'Date' | 'Start' | 'End') => `${which}${part}`;
  const own: FieldProblem[] = [];
  if (typeof date !== 'string' || !DATE.test(date.trim())) own.push(problem(field('Date'), 'DATE_INVALID', `Please give the ${WHAT[which]}'s date, such as 2027-11-08.`));
  if (typeof start !== 'string' || !TIME.test(start.trim())) own.push(problem(field('Start'), 'START_INVALID', `Please give the ${WHAT[which]}'s start time, such as 10:00.`));
  if (typeof end !== 'string' || !TIME.test(end.trim())) own.push(problem(field('End'), 'END_INVALID', `Please give the ${WHAT[which]}'s end time, such as 12:00.`));
  if (own.length > 0) return void problems.push(...own);
  const day = (date as string).trim();
  const checked = checkSessionTimes({ startsAt: `${day} ${(start as string).trim().slice(0, 5)}`, endsAt: `${day} ${(end as string).trim().slice(0, 5)}` }, context.timeZone, context.now);
  if (!checked.ok) {
    const names: Record<string, string> = { startsAt: field('Date'), endsAt: field('End') };
    for (const each of checked.problems) {
      const message = each.code === 'START_INVALID' ? `The ${WHAT[which]}'s date or start is not a real time.` : `The ${WHAT[which]}: ${lowerFirst(each.message)}`;
      problems.push(problem(names[each.field] ?? field('Date'), each.code, message));
    }
    return undefined;
  }
  if (closesHours === undefined) return undefined;
  const closes = new Date(Date.parse(checked.value.startsAt) - closesHours * 3_600_000);
  if (closes <= context.now) {
    problems.push(problem(field('Date'), 'BOOKING_ALREADY_CLOSED', `Booking for the ${WHAT[which]} would already be closed: choose a later date or close booking fewer hours before.`));
    return undefined;
  }
  return { startsAt: checked.value.startsAt, endsAt: checked.value.endsAt, bookingClosesAt: closes.toISOString() };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What the form starts with: the scheme file's dates, times, place and seats, in the first year still ahead and free. */
export function cohortFormDefaults(config: Omit<CohortConfig, 'year'>, book: CohortBook, now: Date): CohortFormValues {
  const timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
  const informationDay = config.informationSessionDate ?? DEFAULT_COHORT.informationSessionDate;
  const trainingDay = config.trainingDate ?? DEFAULT_COHORT.trainingDate;
  const times = { ...DEFAULT_COHORT.times, ...config.times };
  const closesHours = config.bookingClosesHoursBefore ?? DEFAULT_COHORT.bookingClosesHoursBefore;
  const today = toLocal(now, timeZone);
  let year = today.year;
  const local = `${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  if (informationDay <= local) year += 1;
  while (book.cohorts.some((cohort) => cohort.id === cohortIdFor(`${year} cohort`))) year += 1;
  return {
    name: `${year} cohort`,
    informationDate: `${year}-${informationDay}`,
    informationStart: times.informationSession.start,
    informationEnd: times.informationSession.end,
    trainingDate: `${year}-${trainingDay}`,
    trainingStart: times.training.start,
    trainingEnd: times.training.end,
    ...locationValues(config.location),
    seats: String(config.seats),
    closesHoursBefore: String(closesHours),
  };
}

function locationValues(location: SessionLocation): CohortFormValues {
  return location.type === 'inPerson' ? { location: 'inPerson', venue: location.venue } : { location: 'online', venue: '' };
}
