import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemeConfig, SchemeConfigError } from '../../src/sessions/scheme-config.js';

function file(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scheme-'));
  const target = path.join(dir, 'scheme.json');
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

const GOOD = { cohort: { year: 2026, location: { type: 'online' }, seats: 20 } };

describe('the scheme configuration file', () => {
  it('reads the checked-in file: the 2026 cohort on 9 and 30 November, in London time', () => {
    const { cohort } = loadSchemeConfig('config/scheme.json');
    expect(cohort.map((s) => [s.id, s.startsAt])).toEqual([
      ['cohort-2026-information-session', '2026-11-09T10:00:00.000Z'],
      ['cohort-2026-training', '2026-11-30T09:30:00.000Z'],
    ]);
  });

  it('takes the year from the environment when given, with stable ids for that year', () => {
    const { cohort } = loadSchemeConfig(file(GOOD), 2027);
    expect(cohort.map((s) => s.id)).toEqual(['cohort-2027-information-session', 'cohort-2027-training']);
    expect(cohort[1]!.bookingClosesAt).toBe('2027-11-29T09:30:00.000Z');
  });

  it.each([
    ['not JSON', '{ cohort: ', 'could not be read as JSON'],
    ['no seats', { cohort: { year: 2026, location: { type: 'online' } } }, 'cohort.seats'],
    ['zero seats', { cohort: { ...GOOD.cohort, seats: 0 } }, 'cohort.seats'],
    ['a date that is not MM-DD', { cohort: { ...GOOD.cohort, trainingDate: '30/11' } }, 'MM-DD'],
    ['a date that does not exist', { cohort: { ...GOOD.cohort, trainingDate: '02-30' } }, 'are not real'],
    ['an unknown time zone', { cohort: { ...GOOD.cohort, timeZone: 'Mars/Olympus' } }, 'time zone'],
    ['a misspelt setting', { cohort: { ...GOOD.cohort, seat: 3 } }, 'Unrecognized key'],
    ['in person with no venue', { cohort: { ...GOOD.cohort, location: { type: 'inPerson' } } }, 'venue'],
  ])('refuses %s with a plain message', (_name, content, words) => {
    expect(() => loadSchemeConfig(file(content))).toThrow(SchemeConfigError);
    expect(() => loadSchemeConfig(file(content))).toThrow(words);
  });
});
