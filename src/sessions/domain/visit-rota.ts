import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { invalidInput, problem, type FieldProblem, type InputResult } from '../../platform/kernel/validation/index.js';
import { textProblem } from './problems.js';
import { toLocal } from './zoned-time.js';

/**
 * The Regulation 33 rota: each children's home is visited by an elected member every month. Homes are named by the
 * coordinator (a home's name, never anything about the young people living there); each (home, month) is one visit.
 */
export interface RotaHome {
  readonly id: string;
  readonly name: string;
}

export interface RotaVisit {
  readonly homeId: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly member?: PersonRef;
  readonly doneAt?: string;
  readonly doneBy?: PersonRef;
  /** The member the reminder went to, so a member put on later is reminded too. */
  readonly remindedMemberId?: string;
}

export interface VisitRota {
  readonly homes: readonly RotaHome[];
  readonly months: readonly string[];
  /** Only visits someone was put on (or recorded); every other (home, month) is a gap. */
  readonly visits: readonly RotaVisit[];
}

export const EMPTY_ROTA: VisitRota = { homes: [], months: [], visits: [] };
export const MAX_ROTA_HOMES = 30;
export const MAX_ROTA_MONTHS = 12;
export const MAX_HOME_NAME_LENGTH = 80;
/** The reminder goes this many days before the visit's month starts. */
export const ROTA_REMINDER_DAYS = 7;

const MONTH = /^(\d{4})-(\d{2})$/;

export function homeIdFor(name: string): string {
  return `home-${(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('-')}`;
}

/** "January 2027". */
export function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
}

export interface RotaSetupInput {
  readonly homes?: unknown;
  readonly fromMonth?: unknown;
  readonly toMonth?: unknown;
}

export type RotaSetupResult = InputResult<VisitRota, 'INVALID_ROTA'>;

/** Adds homes (one a line) and a run of months to the rota; every problem at once, nothing changed on any. */
export function setUpRota(rota: VisitRota, input: unknown, now: Date, timeZone: string): RotaSetupResult {
  const form: RotaSetupInput = typeof input === 'object' && input !== null ? input : {};
  const problems: FieldProblem[] = [];
  const homes = readHomes(form.homes, rota, problems);
  const months = readMonths(form.fromMonth, form.toMonth, now, timeZone, problems);
  if (problems.length > 0 || !homes || !months) return invalidInput('INVALID_ROTA', problems);
  const allHomes = [...rota.homes, ...homes.filter((home) => !rota.homes.some((known) => known.id === home.id))];
  const allMonths = [...new Set([...rota.months, ...months])].sort();
  if (allHomes.length > MAX_ROTA_HOMES) return invalidInput('INVALID_ROTA', [problem('homes', 'TOO_MANY_HOMES', `The rota holds at most ${MAX_ROTA_HOMES} homes.`)]);
  if (allMonths.length > MAX_ROTA_MONTHS) return invalidInput('INVALID_ROTA', [problem('toMonth', 'TOO_MANY_MONTHS', `The rota holds at most ${MAX_ROTA_MONTHS} months; months already past can be left out.`)]);
  return { ok: true, value: { homes: allHomes, months: allMonths, visits: rota.visits } };
}

function readHomes(value: unknown, rota: VisitRota, problems: FieldProblem[]): RotaHome[] | undefined {
  const text = checkFreeText(value, { label: 'The homes', max: MAX_ROTA_HOMES * (MAX_HOME_NAME_LENGTH + 1), required: rota.homes.length === 0, multiline: true, whenMissing: 'Please give the homes to visit, one a line.' });
  if (!text.ok) return void problems.push(textProblem('homes', 'HOMES', text.error));
  const names = text.value.split('\n').map((line) => line.trim()).filter(Boolean);
  const long = names.find((name) => [...name].length > MAX_HOME_NAME_LENGTH);
  if (long) return void problems.push(problem('homes', 'HOME_NAME_TOO_LONG', `"${[...long].slice(0, 20).join('')}…" is longer than ${MAX_HOME_NAME_LENGTH} characters: one home a line, its name only.`));
  const homes = names.map((name) => ({ id: homeIdFor(name), name }));
  if (homes.some((home) => home.id === 'home-')) return void problems.push(problem('homes', 'HOME_NAME_NO_WORDS', 'Each home needs a name with letters or digits in it.'));
  return homes.filter((home, i) => homes.findIndex((other) => other.id === home.id) === i);
}

function readMonths(from: unknown, to: unknown, now: Date, timeZone: string, problems: FieldProblem[]): string[] | undefined {
  const first = typeof from === 'string' ? MONTH.exec(from.trim()) : null;
  const last = typeof to === 'string' ? MONTH.exec(to.trim()) : null;
  const real = (m: RegExpExecArray | null) => !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000 && Number(m[1]) <= 2999;
  if (!real(first)) problems.push(problem('fromMonth', 'MONTH_INVALID', 'Please give the first month as a year and month, such as 2027-01.'));
  if (!real(last)) problems.push(problem('toMonth', 'MONTH_INVALID', 'Please give the last month as a year and month, such as 2027-12.'));
  if (!real(first) || !real(last)) return undefined;
  const start = Number(first![1]) * 12 + Number(first![2]) - 1;
  const end = Number(last![1]) * 12 + Number(last![2]) - 1;
  const today = toLocal(now, timeZone);
  if (start < today.year * 12 + today.month - 1) return void problems.push(problem('fromMonth', 'MONTH_PAST', 'The first month has passed: start with this month or a later one.'));
  if (end < start) return void problems.push(problem('toMonth', 'MONTHS_BACKWARDS', 'The last month must be the first month or after it.'));
  if (end - start + 1 > MAX_ROTA_MONTHS) return void problems.push(problem('toMonth', 'TOO_MANY_MONTHS', `At most ${MAX_ROTA_MONTHS} months at a time.`));
  return Array.from({ length: end - start + 1 }, (_, i) => `${Math.floor((start + i) / 12)}-${String(((start + i) % 12) + 1).padStart(2, '0')}`);
}

export type RotaErrorCode = 'VISIT_NOT_ON_ROTA' | 'MONTH_PAST' | 'VISIT_DONE' | 'NOT_YOUR_VISIT' | 'VISIT_NOT_DUE';

export function findVisit(rota: VisitRota, homeId: string, month: string): RotaVisit | undefined {
  return rota.visits.find((visit) => visit.homeId === homeId && visit.month === month);
}

function onRota(rota: VisitRota, homeId: string, month: string): boolean {
  return rota.homes.some((home) => home.id === homeId) && rota.months.includes(month);
}

/** The month on the wall in `timeZone` at `now`, as 'YYYY-MM'. */
export function currentMonth(now: Date, timeZone: string): string {
  const today = toLocal(now, timeZone);
  return `${today.year}-${String(today.month).padStart(2, '0')}`;
}

/** Puts a member on a visit (or another member instead); a visit already done or in a month past is kept as it is. */
export function assignVisit(rota: VisitRota, homeId: string, month: string, member: PersonRef, now: Date, timeZone: string): Result<VisitRota, RotaErrorCode> {
  if (!onRota(rota, homeId, month)) return fail('VISIT_NOT_ON_ROTA', 'That home or month is not on the rota. Please choose from the lists.');
  if (month < currentMonth(now, timeZone)) return fail('MONTH_PAST', `${monthName(month)} has passed; choose this month or a later one.`);
  const existing = findVisit(rota, homeId, month);
  if (existing?.doneAt) return fail('VISIT_DONE', 'That visit has been recorded as done, so it keeps its member.');
  const visit: RotaVisit = { homeId, month, member };
  return ok({ ...rota, visits: [...rota.visits.filter((v) => v !== existing), visit] });
}

/** The member on the visit, or a coordinator, records it as done, from the visit's month on; a second time changes nothing. */
export function recordVisitDone(
  rota: VisitRota,
  homeId: string,
  month: string,
  actor: PersonRef,
  actorIsCoordinator: boolean,
  now: Date,
  timeZone: string,
): Result<{ rota: VisitRota; changed: boolean }, RotaErrorCode> {
  const visit = findVisit(rota, homeId, month);
  if (!visit?.member || !onRota(rota, homeId, month)) return fail('VISIT_NOT_ON_ROTA', 'That visit has no member on the rota.');
  if (visit.member.id !== actor.id && !actorIsCoordinator) return fail('NOT_YOUR_VISIT', 'Only the member on this visit, or a scheme coordinator, can record it.');
  if (visit.doneAt) return ok({ rota, changed: false });
  if (month > currentMonth(now, timeZone)) return fail('VISIT_NOT_DUE', `This visit is in ${monthName(month)}; it can be recorded from then.`);
  const done: RotaVisit = { ...visit, doneAt: now.toISOString(), doneBy: actor };
  return ok({ rota: { ...rota, visits: rota.visits.map((v) => (v === visit ? done : v)) }, changed: true });
}

export interface RotaGap {
  readonly home: RotaHome;
  readonly month: string;
  /** 'noMember': this month or later, nobody on it. 'notDone': a month past, not recorded as done. */
  readonly kind: 'noMember' | 'notDone';
}

/** What the coordinator must act on: visits still ahead with no member, and past months' visits never recorded. */
export function rotaGaps(rota: VisitRota, now: Date, timeZone: string): RotaGap[] {
  const thisMonth = currentMonth(now, timeZone);
  const gaps: RotaGap[] = [];
  for (const month of rota.months) {
    for (const home of rota.homes) {
      const visit = findVisit(rota, home.id, month);
      if (month >= thisMonth && !visit?.member) gaps.push({ home, month, kind: 'noMember' });
      if (month < thisMonth && !visit?.doneAt) gaps.push({ home, month, kind: 'notDone' });
    }
  }
  return gaps;
}

/** Visits whose member should be reminded now: from a week before the month starts, once per member, not yet done. */
export function visitsToRemind(rota: VisitRota, now: Date, timeZone: string): RotaVisit[] {
  const soon = currentMonth(new Date(now.getTime() + ROTA_REMINDER_DAYS * 86_400_000), timeZone);
  const thisMonth = currentMonth(now, timeZone);
  return rota.visits.filter((visit) => visit.member && !visit.doneAt && visit.remindedMemberId !== visit.member.id && visit.month >= thisMonth && visit.month <= soon);
}

export function markReminded(rota: VisitRota, visits: readonly RotaVisit[]): VisitRota {
  return { ...rota, visits: rota.visits.map((visit) => (visits.includes(visit) && visit.member ? { ...visit, remindedMemberId: visit.member.id } : visit)) };
}
