import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLAIM_POLICY,
  MEETING_FOCUS_GUIDANCE,
  validateMeetingLog,
  type MeetingLogContext,
} from '../../../src/relationship/domain/index.js';

// 20:30 BST on 14 March is still 14 March; 23:30 UTC on 31 March is already 1 April in London.
const CONTEXT: MeetingLogContext = {
  now: new Date('2025-06-14T19:30:00Z'),
  matchStartedAt: new Date('2025-02-10T10:00:00Z'),
  claimPolicy: DEFAULT_CLAIM_POLICY,
};

const VALID = { date: '2025-06-12', minutes: 60, mode: 'inPerson', focus: 'CV and job search' };

describe('validateMeetingLog', () => {
  it('accepts a good meeting and tidies the focus', () => {
    const result = validateMeetingLog({ ...VALID, focus: '  CV   and\njob search ' }, CONTEXT);
    expect(result).toEqual({ ok: true, value: { date: '2025-06-12', minutes: 60, mode: 'inPerson', focus: 'CV and job search' } });
  });

  it.each([
    ['minutes as text from a card', { ...VALID, minutes: '90' }, { minutes: 90 }],
    ['online', { ...VALID, mode: 'online' }, { mode: 'online' }],
    ['today', { ...VALID, date: '2025-06-14' }, { date: '2025-06-14' }],
    ['the day the match started', { ...VALID, date: '2025-02-10' }, { date: '2025-02-10' }],
    ['the longest meeting', { ...VALID, minutes: 600 }, { minutes: 600 }],
    ['the shortest meeting', { ...VALID, minutes: 1 }, { minutes: 1 }],
    ['a focus of exactly 280 characters', { ...VALID, focus: 'a'.repeat(280) }, { focus: 'a'.repeat(280) }],
    ['an empty refreshment amount is no claim', { ...VALID, refreshmentAmount: '  ', refreshmentPurpose: 'coffee' }, {}],
    [
      'a refreshment claim',
      { ...VALID, refreshmentAmount: '£4.50', refreshmentPurpose: 'two coffees' },
      { refreshment: { amountPence: 450, purpose: 'two coffees' } },
    ],
    [
      'a claim over the limit with a note',
      { ...VALID, refreshmentAmount: '18', refreshmentPurpose: 'lunch', refreshmentNote: 'long college open day' },
      { refreshment: { amountPence: 1800, purpose: 'lunch', note: 'long college open day' } },
    ],
  ])('accepts %s', (_name, form, expected) => {
    const result = validateMeetingLog(form, CONTEXT);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each([
    ['no form', null, 'MEETING_FORM_INVALID'],
    ['a string for a form', 'hello', 'MEETING_FORM_INVALID'],
    ['no date', { ...VALID, date: undefined }, 'MEETING_DATE_INVALID'],
    ['a date that does not exist', { ...VALID, date: '2025-02-29' }, 'MEETING_DATE_INVALID'],
    ['a date with a time on it', { ...VALID, date: '2025-06-12T10:00:00Z' }, 'MEETING_DATE_INVALID'],
    ['tomorrow', { ...VALID, date: '2025-06-15' }, 'MEETING_DATE_IN_FUTURE'],
    ['before the match', { ...VALID, date: '2025-02-09' }, 'MEETING_DATE_BEFORE_MATCH'],
    ['zero minutes', { ...VALID, minutes: 0 }, 'MEETING_MINUTES_INVALID'],
    ['601 minutes', { ...VALID, minutes: 601 }, 'MEETING_MINUTES_INVALID'],
    ['fractional minutes', { ...VALID, minutes: 45.5 }, 'MEETING_MINUTES_INVALID'],
    ['minutes in words', { ...VALID, minutes: 'an hour' }, 'MEETING_MINUTES_INVALID'],
    ['negative minutes', { ...VALID, minutes: -30 }, 'MEETING_MINUTES_INVALID'],
    ['no mode', { ...VALID, mode: '' }, 'MEETING_MODE_INVALID'],
    ['an unknown mode', { ...VALID, mode: 'by phone' }, 'MEETING_MODE_INVALID'],
    ['an empty focus', { ...VALID, focus: '   ' }, 'MEETING_FOCUS_MISSING'],
    ['a focus of 281 characters', { ...VALID, focus: 'a'.repeat(281) }, 'TEXT_TOO_LONG'],
    ['a focus with markup', { ...VALID, focus: '<b>CV</b>' }, 'TEXT_NOT_PLAIN'],
    ['a focus with control characters', { ...VALID, focus: 'CV\u0007' }, 'TEXT_NOT_PLAIN'],
    ['a focus that is not text', { ...VALID, focus: 42 }, 'TEXT_NOT_TEXT'],
    ['a negative claim', { ...VALID, refreshmentAmount: '-3', refreshmentPurpose: 'coffee' }, 'AMOUNT_NEGATIVE'],
    ['a claim with no purpose', { ...VALID, refreshmentAmount: '3' }, 'CLAIM_PURPOSE_MISSING'],
    ['a claim over the limit without a note', { ...VALID, refreshmentAmount: '15.01', refreshmentPurpose: 'lunch' }, 'CLAIM_NOTE_REQUIRED'],
    ['an absurd claim', { ...VALID, refreshmentAmount: '4500', refreshmentPurpose: 'lunch', refreshmentNote: 'x' }, 'AMOUNT_TOO_LARGE'],
  ])('refuses %s', (_name, form, code) => {
    const result = validateMeetingLog(form, CONTEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('judges "today" and "the start" on the council calendar, not UTC', () => {
    const lateEvening = { ...CONTEXT, now: new Date('2025-06-30T23:30:00Z'), matchStartedAt: new Date('2025-05-31T23:30:00Z') };
    expect(validateMeetingLog({ ...VALID, date: '2025-07-01' }, lateEvening).ok).toBe(true);
    expect(validateMeetingLog({ ...VALID, date: '2025-06-01' }, lateEvening).ok).toBe(true);
    const result = validateMeetingLog({ ...VALID, date: '2025-05-31' }, lateEvening);
    expect(result.ok ? 'accepted' : result.error.code).toBe('MEETING_DATE_BEFORE_MATCH');
  });

  it('tells the mentor never to write about the young person', () => {
    expect(MEETING_FOCUS_GUIDANCE).toMatch(/never write details of the young person's life/i);
  });
});

const anyField = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(undefined), fc.constant(null), fc.anything());

describe('validateMeetingLog with arbitrary input', () => {
  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (form) => {
        validateMeetingLog(form, CONTEXT);
      }),
    );
    fc.assert(
      fc.property(fc.record({ date: anyField, minutes: anyField, mode: anyField, focus: anyField, refreshmentAmount: anyField, refreshmentPurpose: anyField, refreshmentNote: anyField }), (form) => {
        validateMeetingLog(form, CONTEXT);
      }),
    );
  });

  it('gives an entry only when every rule holds', () => {
    fc.assert(
      fc.property(
        fc.record({ date: anyField, minutes: fc.oneof(anyField, fc.integer({ min: -5, max: 700 })), mode: fc.oneof(anyField, fc.constantFrom('inPerson', 'online')), focus: anyField }),
        (form) => {
          const result = validateMeetingLog(form, CONTEXT);
          if (!result.ok) return;
          const entry = result.value;
          expect(entry.date >= '2025-02-10' && entry.date <= '2025-06-14').toBe(true);
          expect(Number.isInteger(entry.minutes) && entry.minutes >= 1 && entry.minutes <= 600).toBe(true);
          expect(['inPerson', 'online']).toContain(entry.mode);
          expect(entry.focus.length).toBeGreaterThan(0);
          expect([...entry.focus].length).toBeLessThanOrEqual(280);
        },
      ),
    );
  });

  it('gives no entry when the minutes are out of range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 601 })), (minutes) => {
        expect(validateMeetingLog({ ...VALID, minutes }, CONTEXT).ok).toBe(false);
      }),
    );
  });

  it('gives no entry for a date outside the match', () => {
    const outside = fc.oneof(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2025-02-09T12:00:00Z'), noInvalidDate: true }),
      fc.date({ min: new Date('2025-06-15T12:00:00Z'), max: new Date('2099-12-31'), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(outside, (day) => {
        expect(validateMeetingLog({ ...VALID, date: day.toISOString().slice(0, 10) }, CONTEXT).ok).toBe(false);
      }),
    );
  });

  it('gives no entry for a focus longer than 280 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 281, maxLength: 600, unit: fc.constantFrom('a', 'b', 'é', '😀') }), (focus) => {
        expect(validateMeetingLog({ ...VALID, focus }, CONTEXT).ok).toBe(false);
      }),
    );
  });
});
