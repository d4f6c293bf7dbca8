import { describe, expect, it } from 'vitest';
import { checkSupervisionSetting, type SupervisionSettingInput } from '../../../../src/broadcast/domain/supervision/index.js';

const base: SupervisionSettingInput = { weekOfQuarter: 2, weekday: 'tuesday' };

describe('checkSupervisionSetting', () => {
  it('fills in the defaults', () => {
    const result = checkSupervisionSetting(base);
    expect(result).toEqual({
      ok: true,
      value: {
        weekOfQuarter: 2,
        weekday: 'tuesday',
        startHour: 10,
        startMinute: 0,
        lengthMinutes: 120,
        format: 'online',
        timeZone: 'Europe/London',
        bankHolidays: new Set(),
        createDaysAhead: 21,
      },
    });
  });

  it('keeps what is configured', () => {
    const result = checkSupervisionSetting({
      ...base,
      startTime: '13:30',
      lengthMinutes: 90,
      format: 'inPerson',
      timeZone: 'Europe/Dublin',
      bankHolidays: ['2026-04-06'],
      createDaysAhead: 0,
    });
    expect(result.ok && result.value).toMatchObject({ startHour: 13, startMinute: 30, lengthMinutes: 90, format: 'inPerson', timeZone: 'Europe/Dublin', createDaysAhead: 0 });
    expect(result.ok && [...result.value.bankHolidays]).toEqual(['2026-04-06']);
  });

  it.each<[string, Partial<SupervisionSettingInput>, string]>([
    ['week 0', { weekOfQuarter: 0 }, 'week of the quarter'],
    ['week 13', { weekOfQuarter: 13 }, 'week of the quarter'],
    ['a fractional week', { weekOfQuarter: 1.5 }, 'week of the quarter'],
    ['a weekend day', { weekday: 'saturday' }, 'the day must be one of'],
    ['a capitalised day', { weekday: 'Tuesday' }, 'the day must be one of'],
    ['an hour past 23', { startTime: '24:00' }, 'start time "24:00"'],
    ['a one-digit hour', { startTime: '9:00' }, 'start time "9:00"'],
    ['a minute past 59', { startTime: '10:60' }, 'start time'],
    ['a very short session', { lengthMinutes: 10 }, 'length'],
    ['a session over a day', { lengthMinutes: 24 * 60 }, 'length'],
    ['an unknown format', { format: 'hybrid' }, 'format'],
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons' }, 'not a time zone'],
    ['a holiday that is no date', { bankHolidays: ['2026-02-30'] }, 'bank holiday "2026-02-30"'],
    ['a holiday in another format', { bankHolidays: ['06/04/2026'] }, 'bank holiday "06/04/2026"'],
    ['creation too far ahead', { createDaysAhead: 61 }, '0 to 60 days'],
    ['creation after the session', { createDaysAhead: -1 }, '0 to 60 days'],
  ])('refuses %s', (_name, change, words) => {
    const result = checkSupervisionSetting({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('SUPERVISION_SETTING_INVALID');
      expect(result.error.message).toContain(words);
    }
  });
});
