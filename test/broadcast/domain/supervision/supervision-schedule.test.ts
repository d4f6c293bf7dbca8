import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  checkSupervisionSetting,
  nextSupervision,
  planSupervision,
  quarterAt,
  quarterSpan,
  supervisionIn,
  type SupervisionSetting,
  type SupervisionSettingInput,
} from '../../../../src/broadcast/domain/supervision/index.js';

function setting(input: Partial<SupervisionSettingInput> = {}): SupervisionSetting {
  const result = checkSupervisionSetting({ weekOfQuarter: 2, weekday: 'tuesday', ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('quarterAt and quarterSpan: calendar quarters on the local calendar', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', 'Europe/London', '2026-Q1'],
    ['2026-03-31T22:59:59.999Z', 'Europe/London', '2026-Q1'],
    ['2026-03-31T23:00:00.000Z', 'Europe/London', '2026-Q2'], // midnight BST on 1 April
    ['2026-09-30T23:00:00.000Z', 'Europe/London', '2026-Q4'],
    ['2026-12-31T23:59:59.999Z', 'Europe/London', '2026-Q4'],
    ['2027-01-01T00:00:00.000Z', 'Europe/London', '2027-Q1'],
    ['2026-07-01T03:59:00.000Z', 'America/New_York', '2026-Q2'],
    ['2026-07-01T04:00:00.000Z', 'America/New_York', '2026-Q3'],
  ])('%s in %s is %s', (now, zone, label) => {
    const quarter = quarterAt(at(now), zone);
    expect(`${quarter.year}-Q${quarter.quarter}`).toBe(label);
  });

  it.each([
    [{ year: 2026, quarter: 1 as const }, '2026-01-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    [{ year: 2026, quarter: 2 as const }, '2026-03-31T23:00:00.000Z', '2026-06-30T23:00:00.000Z'],
    [{ year: 2026, quarter: 4 as const }, '2026-09-30T23:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('London quarter %o runs from %s to %s', (quarter, starts, ends) => {
    const span = quarterSpan(quarter, 'Europe/London');
    expect([iso(span.starts), iso(span.ends)]).toEqual([starts, ends]);
  });

  it('rolls quarters over the year', () => {
    expect(addQuarters({ year: 2026, quarter: 4 }, 1)).toEqual({ year: 2027, quarter: 1 });
    expect(addQuarters({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(addQuarters({ year: 2026, quarter: 3 }, 6)).toEqual({ year: 2028, quarter: 1 });
  });
});

describe('supervisionIn: the session of a quarter', () => {
  it.each<[string, Partial<SupervisionSettingInput>, number, 1 | 2 | 3 | 4, string, string, string]>([
    ['second Tuesday, winter', {}, 2026, 1, '2026-01-13', '2026-01-13T10:00:00.000Z', '2026-01-13T12:00:00.000Z'],
    ['second Tuesday, summer time', {}, 2026, 2, '2026-04-14', '2026-04-14T09:00:00.000Z', '2026-04-14T11:00:00.000Z'],
    ['quarter starting on the chosen day', { weekOfQuarter: 1, weekday: 'wednesday' }, 2026, 3, '2026-07-01', '2026-07-01T09:00:00.000Z', '2026-07-01T11:00:00.000Z'],
    ['last week before the clocks go back', { weekOfQuarter: 3, weekday: 'monday' }, 2026, 4, '2026-10-19', '2026-10-19T09:00:00.000Z', '2026-10-19T11:00:00.000Z'],
    ['first week after the clocks go back', { weekOfQuarter: 4, weekday: 'monday' }, 2026, 4, '2026-10-26', '2026-10-26T10:00:00.000Z', '2026-10-26T12:00:00.000Z'],
    ['week 12, the last that every quarter has', { weekOfQuarter: 12, weekday: 'friday' }, 2026, 1, '2026-03-20', '2026-03-20T10:00:00.000Z', '2026-03-20T12:00:00.000Z'],
    ['week 12 Monday, the week before the clocks go forward', { weekOfQuarter: 12, weekday: 'monday' }, 2026, 1, '2026-03-23', '2026-03-23T10:00:00.000Z', '2026-03-23T12:00:00.000Z'],
    ['afternoon start, 90 minutes', { startTime: '14:30', lengthMinutes: 90 }, 2026, 4, '2026-10-13', '2026-10-13T13:30:00.000Z', '2026-10-13T15:00:00.000Z'],
    ['another zone', { timeZone: 'America/New_York' }, 2026, 1, '2026-01-13', '2026-01-13T15:00:00.000Z', '2026-01-13T17:00:00.000Z'],
  ])('%s', (_name, input, year, quarter, date, start, end) => {
    const occurrence = supervisionIn({ year, quarter }, setting(input));
    expect([occurrence.date, iso(occurrence.start), iso(occurrence.end)]).toEqual([date, start, end]);
    expect(occurrence.plannedDate).toBe(date);
    expect(occurrence.id).toBe(`supervision-${year}-Q${quarter}`);
  });

  it.each<[string, Partial<SupervisionSettingInput>, number, 1 | 2 | 3 | 4, string, string]>([
    ['Easter Monday moves to Tuesday', { weekOfQuarter: 1, weekday: 'monday', bankHolidays: ['2026-04-03', '2026-04-06'] }, 2026, 2, '2026-04-06', '2026-04-07'],
    ['two holidays in a row move past both', { weekOfQuarter: 1, weekday: 'monday', bankHolidays: ['2026-04-06', '2026-04-07'] }, 2026, 2, '2026-04-06', '2026-04-08'],
    ['a Friday holiday moves over the weekend', { weekOfQuarter: 1, weekday: 'friday', bankHolidays: ['2027-01-01'] }, 2027, 1, '2027-01-01', '2027-01-04'],
    ['a holiday on another day changes nothing', { bankHolidays: ['2026-01-12'] }, 2026, 1, '2026-01-13', '2026-01-13'],
  ])('%s', (_name, input, year, quarter, planned, date) => {
    const occurrence = supervisionIn({ year, quarter }, setting(input));
    expect([occurrence.plannedDate, occurrence.date]).toEqual([planned, date]);
  });

  it('starts a moved session at the usual local time', () => {
    const occurrence = supervisionIn({ year: 2026, quarter: 2 }, setting({ weekOfQuarter: 1, weekday: 'monday', bankHolidays: ['2026-04-06'] }));
    expect(iso(occurrence.start)).toBe('2026-04-07T09:00:00.000Z');
  });

  it('counts days ahead in local days across a clock change', () => {
    const before = supervisionIn({ year: 2026, quarter: 4 }, setting({ weekOfQuarter: 4, weekday: 'monday', createDaysAhead: 7 }));
    const after = supervisionIn({ year: 2026, quarter: 4 }, setting({ weekOfQuarter: 5, weekday: 'monday', createDaysAhead: 7 }));
    expect(iso(before.createFrom)).toBe('2026-10-18T23:00:00.000Z'); // midnight BST on 19 October
    expect(iso(after.createFrom)).toBe('2026-10-26T00:00:00.000Z'); // midnight GMT on 26 October
  });

  it.each([
    [7, '2026-03-25T00:00:00.000Z'],
    [3, '2026-03-29T00:00:00.000Z'], // the clocks go forward an hour later, at 01:00 GMT
    [2, '2026-03-29T23:00:00.000Z'], // midnight BST on 30 March
  ])('a session on 1 April created %i days ahead is due from %s', (createDaysAhead, createFrom) => {
    const occurrence = supervisionIn({ year: 2026, quarter: 2 }, setting({ weekOfQuarter: 1, weekday: 'wednesday', createDaysAhead }));
    expect(occurrence.date).toBe('2026-04-01');
    expect(iso(occurrence.createFrom)).toBe(createFrom);
  });
});

describe('planSupervision: what the quarterly job does at a given moment', () => {
  const s = setting(); // second Tuesday at 10:00, created 21 days ahead
  // 2026-Q4 session: 13 October 2026 09:00Z, due from 22 September 00:00 BST (21 September 23:00Z).
  it.each<[string, string, string[], string]>([
    ['before the window, in the previous quarter', '2026-09-21T22:59:59.999Z', [], '2026-09-21T23:00:00.000Z'],
    ['the window opens in the previous quarter', '2026-09-21T23:00:00.000Z', ['supervision-2026-Q4'], '2026-12-22T00:00:00.000Z'],
    ['catch-up after being down since September', '2026-10-05T08:00:00.000Z', ['supervision-2026-Q4'], '2026-12-22T00:00:00.000Z'],
    ['a minute before the session starts', '2026-10-13T08:59:00.000Z', ['supervision-2026-Q4'], '2026-12-22T00:00:00.000Z'],
    ['once the session has started', '2026-10-13T09:00:00.000Z', [], '2026-12-22T00:00:00.000Z'],
    ['a past quarter is never created', '2026-10-01T00:00:00.000Z', ['supervision-2026-Q4'], '2026-12-22T00:00:00.000Z'],
    ['quarter edge: New Year in the window', '2027-01-01T00:00:00.000Z', ['supervision-2027-Q1'], '2027-03-23T00:00:00.000Z'],
  ])('%s', (_name, now, ids, nextCheck) => {
    const plan = planSupervision(s, at(now));
    expect(plan.toCreate.map((o) => o.id)).toEqual(ids);
    expect(iso(plan.nextCheckAt)).toBe(nextCheck);
  });

  it('describes the current and the next quarter', () => {
    const plan = planSupervision(s, at('2026-11-15T12:00:00Z'));
    expect(plan.current).toMatchObject({ label: '2026-Q4', quarter: { year: 2026, quarter: 4 } });
    expect(iso(plan.current.ends)).toBe('2027-01-01T00:00:00.000Z');
    expect(plan.current.occurrence.date).toBe('2026-10-13');
    expect(plan.next).toMatchObject({ label: '2027-Q1' });
    expect(plan.next.occurrence.date).toBe('2027-01-12');
  });

  it('gives the same session at any moment of the window, so a second instance creates nothing new', () => {
    const first = planSupervision(s, at('2026-09-25T10:00:00Z')).toCreate;
    const second = planSupervision(s, at('2026-10-12T18:00:00Z')).toCreate;
    expect(second).toEqual(first);
  });

  it('with no days ahead, is due from local midnight of the day', () => {
    const sameDay = setting({ createDaysAhead: 0 });
    expect(planSupervision(sameDay, at('2026-10-12T22:59:00Z')).toCreate).toEqual([]);
    expect(planSupervision(sameDay, at('2026-10-12T23:00:00Z')).toCreate.map((o) => o.id)).toEqual(['supervision-2026-Q4']);
  });
});

describe('nextSupervision: the one a mentor sees in "my status"', () => {
  const s = setting();
  it.each([
    ['early in the quarter', '2026-10-01T08:00:00Z', '2026-10-13'],
    ['during the session', '2026-10-13T10:30:00Z', '2026-10-13'],
    ['as it ends', '2026-10-13T11:00:00Z', '2027-01-12'],
    ['late in the quarter', '2026-12-31T23:59:00Z', '2027-01-12'],
  ])('%s', (_name, now, date) => {
    expect(nextSupervision(s, at(now)).date).toBe(date);
  });
});
