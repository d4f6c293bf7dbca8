import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbsStatus, parseDbsRecord, recordDbs, type DbsRecord } from '../../../src/matching/domain/index.js';
import { NOW } from './fixtures.js';

describe('parseDbsRecord', () => {
  it('accepts a check from today', () => {
    const parsed = parseDbsRecord({ checkedOn: '2026-03-02', certificateReference: '001234567890', updateService: true }, NOW);
    expect(parsed).toEqual({ ok: true, value: { checkedOn: '2026-03-02', certificateReference: '001234567890', updateService: true } });
  });

  it.each([
    ['a date in the future', { checkedOn: '2026-03-03' }, 'checkedOn', 'DATE_IN_FUTURE'],
    ['no date', { checkedOn: '' }, 'checkedOn', 'REQUIRED'],
    ['a date that does not exist', { checkedOn: '2025-13-01' }, 'checkedOn', 'NOT_A_DATE'],
    ['a short certificate number', { certificateReference: '12345' }, 'certificateReference', 'BAD_FORMAT'],
    ['letters in the certificate number', { certificateReference: 'ABC123456789' }, 'certificateReference', 'BAD_FORMAT'],
    ['no update-service answer', { updateService: undefined }, 'updateService', 'REQUIRED'],
    ['an update-service answer that is not yes or no', { updateService: 'yes' }, 'updateService', 'WRONG_TYPE'],
  ])('refuses %s', (_case, overrides, field, code) => {
    const input = { checkedOn: '2025-01-10', certificateReference: '001234567890', updateService: false, ...overrides };
    const parsed = parseDbsRecord(input, NOW);
    expect(!parsed.ok && parsed.error.problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('never throws and never accepts a date after today', () => {
    fc.assert(
      fc.property(fc.anything(), fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }), (junk, date) => {
        parseDbsRecord(junk, NOW);
        const checkedOn = date.toISOString().slice(0, 10);
        const parsed = parseDbsRecord({ checkedOn, certificateReference: '001234567890', updateService: false }, NOW);
        expect(parsed.ok).toBe(checkedOn <= '2026-03-02');
      }),
    );
  });

  it('records who recorded the check and when', () => {
    const record = recordDbs({ checkedOn: '2025-01-10', certificateReference: '001234567890', updateService: false }, { id: 'c-1', name: 'Coordinator' }, NOW);
    expect(record.recordedBy?.id).toBe('c-1');
    expect(record.recordedAt).toBe(NOW.toISOString());
  });
});

describe('dbsStatus', () => {
  const check = (checkedOn: string, updateService: boolean): DbsRecord => ({ checkedOn, certificateReference: '001234567890', updateService });
  it.each([
    ['no check', undefined, 'missing'],
    ['a recent check', check('2025-01-10', false), 'cleared'],
    ['a check one day short of three years', check('2023-03-03', false), 'cleared'],
    ['a check exactly three years old', check('2023-03-02', false), 'expired'],
    ['an old check on the update service', check('2015-01-01', true), 'cleared'],
  ])('%s', (_case, record, status) => {
    expect(dbsStatus(record, 36, NOW)).toBe(status);
  });
});
