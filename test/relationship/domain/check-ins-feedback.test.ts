import { describe, expect, it } from 'vitest';
import { checkInDue, describeCheckIn, parseFeedback } from '../../../src/relationship/domain/index.js';

describe('checkInDue: two weeks, four weeks, then every month', () => {
  it.each([
    ['2026-11-14', undefined],
    ['2026-11-15', 'week2'],
    ['2026-11-28', 'week2'],
    ['2026-11-29', 'week4'],
    ['2026-12-31', 'week4'],
    ['2027-01-01', 'month2'],
    ['2027-02-01', 'month3'],
    ['2028-05-01', 'month18'],
  ])('started 1 Nov 2026, on %s: %s', (today, key) => {
    expect(checkInDue('2026-11-01', today)?.key).toBe(key);
  });

  it('counts the month from the start day, clamped at a short month', () => {
    expect(checkInDue('2026-12-31', '2027-02-28')).toEqual({ key: 'month2', due: '2027-02-28' });
  });

  it.each([['week2', 'two weeks'], ['week4', 'four weeks'], ['month5', '5 months']])('%s reads "%s"', (key, words) => {
    expect(describeCheckIn(key)).toBe(words);
  });
});

describe('parseFeedback: every problem at once', () => {
  const fields = (result: ReturnType<typeof parseFeedback>) => (result.ok ? 'OK' : result.problems.map((problem) => problem.field).join(','));
  it.each([
    [{}, 'howItWent,again'],
    [{ howItWent: 'great', again: 'perhaps' }, 'howItWent,again'],
    [{ howItWent: 'mixed', again: 'yes', comment: 'x'.repeat(301) }, 'comment'],
    [{ howItWent: 'mixed', again: 'yes', comment: ['a'] }, 'comment'],
    [{ howItWent: 'wentWell', again: 'no' }, 'OK'],
  ])('%o', (input, expected) => {
    expect(fields(parseFeedback(input, 'mentor'))).toBe(expected);
  });

  it('asks the young person’s question in its own words', () => {
    const refused = parseFeedback({ howItWent: 'mixed' }, 'youngPerson');
    expect(refused.ok ? '' : refused.problems[0]?.message).toBe('Please say whether they would like a mentor again.');
  });
});
