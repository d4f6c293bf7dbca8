import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, parseYoungPersonDetails } from '../../../../src/matching/domain/young-people/index.js';
import { INTERESTS } from '../../../../src/matching/domain/vocabulary.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reference: 'LC-0042',
    firstName: 'Jay',
    dateOfBirth: '2008-09-01',
    gender: 'male',
    homeArea: 'north',
    interests: ['music'],
    eetGoals: ['construction'],
    eetNote: 'Wants an apprenticeship.',
    availability: ['weekdayEvening'],
    preferences: { mentorGender: { values: ['male'], required: true }, meetingMode: { values: ['online'] } },
    keyAdult: { role: 'personalAdviser', name: 'Sam Patel', contact: 'sam.patel@example.gov.uk' },
    ...overrides,
  };
}

describe('parseYoungPersonDetails', () => {
  it('accepts the least data matching needs', () => {
    const parsed = parseYoungPersonDetails(form(), NOW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.preferences.mentorGender).toEqual({ values: ['male'], required: true });
    expect(parsed.value.preferences.area).toEqual({ values: [], required: false });
    expect(ageOn(parsed.value.dateOfBirth, NOW)).toBe(17);
  });

  it('puts a name typed over two lines on one line', () => {
    const parsed = parseYoungPersonDetails(form({ firstName: 'Jay\nSmith' }), NOW);
    expect(parsed.ok && parsed.value.firstName).toBe('Jay Smith');
  });

  it('trims text and drops an empty note', () => {
    const parsed = parseYoungPersonDetails(form({ firstName: '  Jay ', eetNote: '   ' }), NOW);
    expect(parsed.ok && parsed.value.firstName).toBe('Jay');
    expect(parsed.ok && 'eetNote' in parsed.value).toBe(false);
  });

  it.each([
    ['date of birth in the future', { dateOfBirth: '2026-03-03' }, 'dateOfBirth', 'DATE_IN_FUTURE'],
    ['under 16', { dateOfBirth: '2010-03-03' }, 'dateOfBirth', 'AGE_OUT_OF_RANGE'],
    ['26 today', { dateOfBirth: '2000-03-02' }, 'dateOfBirth', 'AGE_OUT_OF_RANGE'],
    ['not a date', { dateOfBirth: '2008-02-30' }, 'dateOfBirth', 'NOT_A_DATE'],
    ['missing date of birth', { dateOfBirth: undefined }, 'dateOfBirth', 'REQUIRED'],
    ['a full name as reference', { reference: 'Jay Smith' }, 'reference', 'BAD_FORMAT'],
    ['a long reference', { reference: 'LC-'.padEnd(21, '1') }, 'reference', 'TOO_LONG'],
    ['a first name with digits', { firstName: 'Jay2' }, 'firstName', 'BAD_FORMAT'],
    ['a very long first name', { firstName: 'J'.repeat(41) }, 'firstName', 'TOO_LONG'],
    ['a very long note', { eetNote: 'x'.repeat(301) }, 'eetNote', 'TOO_LONG'],
    ['a reference written right to left', { reference: 'LC-\u202E2400' }, 'reference', 'BAD_FORMAT'],
    ['a name of zero-width spaces', { firstName: '\u200B\u200B\u200B' }, 'firstName', 'REQUIRED'],
    ['an unknown gender', { gender: 'robot' }, 'gender', 'UNKNOWN_VALUE'],
    ['an unknown area', { homeArea: 'Atlantis' }, 'homeArea', 'UNKNOWN_VALUE'],
    ['an unknown interest', { interests: ['music', 'knitting'] }, 'interests', 'UNKNOWN_VALUE'],
    ['too many EET goals', { eetGoals: ['business', 'finance', 'law', 'retail', 'creative'] }, 'eetGoals', 'TOO_MANY'],
    ['no availability', { availability: [] }, 'availability', 'REQUIRED'],
    ['interests not a list', { interests: 'music' }, 'interests', 'WRONG_TYPE'],
    ['an unknown preference value', { preferences: { mentorGender: { values: ['any'] } } }, 'preferences.mentorGender.values', 'UNKNOWN_VALUE'],
    ['an unknown meeting mode', { preferences: { meetingMode: { values: ['telepathy'] } } }, 'preferences.meetingMode.values', 'UNKNOWN_VALUE'],
    ['a preference flag that is not yes or no', { preferences: { area: { values: ['north'], required: 'yes' } } }, 'preferences.area.required', 'WRONG_TYPE'],
    ['an unknown key adult role', { keyAdult: { role: 'friend', name: 'Sam', contact: '07700 900123' } }, 'keyAdult.role', 'UNKNOWN_VALUE'],
    ['a contact that is neither phone nor email', { keyAdult: { role: 'socialWorker', name: 'Sam', contact: 'ask at desk' } }, 'keyAdult.contact', 'BAD_FORMAT'],
    ['no key adult', { keyAdult: undefined }, 'keyAdult.name', 'REQUIRED'],
  ])('refuses %s', (_case, overrides, field, code) => {
    const parsed = parseYoungPersonDetails(form(overrides), NOW);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problems).toContainEqual(expect.objectContaining({ field, code }));
    expect(parsed.error.message.length).toBeGreaterThan(10);
  });

  it('names every problem at once', () => {
    const parsed = parseYoungPersonDetails(form({ gender: 'x', homeArea: 'y', firstName: '' }), NOW);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problems.map((problem) => problem.field)).toEqual(['firstName', 'gender', 'homeArea']);
    expect(parsed.error.code).toBe('REQUIRED');
  });

  it.each([[null], [undefined], ['text'], [42], [[1, 2]]])('refuses %j as not a form', (input) => {
    const parsed = parseYoungPersonDetails(input, NOW);
    expect(!parsed.ok && parsed.error.code).toBe('NOT_A_FORM');
  });

  it('accepts an area list from the council', () => {
    const parsed = parseYoungPersonDetails(form({ homeArea: 'Wath' }), NOW, { areas: ['Wath', 'Maltby'] });
    expect(parsed.ok).toBe(true);
  });
});

describe('parseYoungPersonDetails, for any input', () => {
  const nearlyValid = fc.record(
    {
      reference: fc.oneof(fc.constant('LC-0042'), fc.string({ maxLength: 30 })),
      firstName: fc.oneof(fc.constant('Jay'), fc.string({ maxLength: 50 })),
      dateOfBirth: fc.oneof(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.string(),
      ),
      gender: fc.oneof(fc.constantFrom('female', 'male', 'nonBinary'), fc.anything()),
      homeArea: fc.constantFrom('north', 'south', 'nowhere'),
      interests: fc.oneof(fc.subarray([...INTERESTS]), fc.array(fc.anything(), { maxLength: 3 })),
      eetGoals: fc.array(fc.constantFrom('business', 'law', 'cooking'), { maxLength: 6 }),
      eetNote: fc.oneof(fc.string({ maxLength: 400 }), fc.anything()),
      availability: fc.array(fc.constantFrom('weekdayDaytime', 'weekendEvening', 'never'), { maxLength: 5 }),
      preferences: fc.oneof(fc.anything(), fc.record({ mentorGender: fc.record({ values: fc.array(fc.string()), required: fc.anything() }) })),
      keyAdult: fc.oneof(
        fc.record({ role: fc.constantFrom('personalAdviser', 'socialWorker', 'aunt'), name: fc.string({ maxLength: 90 }), contact: fc.string() }),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  );

  it('never throws, and anything it accepts is a valid record', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearlyValid), (input) => {
        const parsed = parseYoungPersonDetails(input, NOW);
        if (!parsed.ok) {
          expect(parsed.error.problems.length).toBeGreaterThan(0);
          return;
        }
        const age = ageOn(parsed.value.dateOfBirth, NOW);
        expect(age).toBeGreaterThanOrEqual(16);
        expect(age).toBeLessThanOrEqual(25);
        expect(parsed.value.firstName.length).toBeLessThanOrEqual(40);
        // What it accepted, it accepts again unchanged.
        expect(parseYoungPersonDetails(parsed.value, NOW)).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseYoungPersonDetails, for any well-formed answers', () => {
  const dateOfBirth = fc
    .date({ min: new Date('2000-03-03T00:00:00Z'), max: new Date('2010-03-02T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const preference = (values: readonly string[]) => fc.record({ values: fc.subarray([...values]), required: fc.boolean() });
  const valid = fc.record({
    reference: fc.stringMatching(/^[A-Z]{2}-\d{1,8}$/),
    firstName: fc.constantFrom('Jay', 'Mary-Jane', "O'Neil", 'Zoë', 'Ana Luísa'),
    dateOfBirth,
    gender: fc.constantFrom('female', 'male', 'nonBinary', 'preferNotToSay'),
    homeArea: fc.constantFrom('central', 'north', 'south', 'east', 'west'),
    interests: fc.subarray([...INTERESTS], { maxLength: 8 }),
    eetGoals: fc.subarray(['business', 'law', 'retail'], { maxLength: 3 }),
    availability: fc.subarray(['weekdayDaytime', 'weekendEvening'], { minLength: 1 }),
    preferences: fc.record({
      mentorGender: preference(['female', 'male']),
      mentorAgeBand: preference(['under30', '60plus']),
      meetingMode: preference(['online', 'inPerson']),
      area: preference(['north', 'west']),
    }),
    keyAdult: fc.record({
      role: fc.constantFrom('personalAdviser', 'socialWorker'),
      name: fc.constantFrom('Sam Patel', 'Jo'),
      contact: fc.constantFrom('01709 123456', '+44 7700 900123', 'jo@example.org'),
    }),
  });

  it('accepts them, keeps the age within 16 to 25, and accepts the result again unchanged', () => {
    fc.assert(
      fc.property(valid, (input) => {
        const parsed = parseYoungPersonDetails(input, NOW);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const age = ageOn(parsed.value.dateOfBirth, NOW);
        expect(age >= 16 && age <= 25).toBe(true);
        expect(parseYoungPersonDetails(parsed.value, NOW)).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});
