import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPounds, formatPoundsPlain, parsePounds } from '../../../src/relationship/domain/index.js';

const LIMITS = { maxPence: 200_00 };

describe('parsePounds: money typed by a person, as whole pence', () => {
  it.each([
    ['£4.50', 450],
    ['4.5', 450],
    ['4', 400],
    [' £ 12.05 ', 1205],
    ['0.01', 1],
    ['007.10', 710],
    ['200', 200_00],
    [4.5, 450],
    [12, 1200],
  ])('%s is %i pence', (input, pence) => {
    expect(parsePounds(input, LIMITS)).toEqual({ ok: true, value: pence });
  });

  it.each([
    ['-4', 'AMOUNT_NEGATIVE'],
    ['-£4.50', 'AMOUNT_NEGATIVE'],
    ['£-4.50', 'AMOUNT_NEGATIVE'],
    [-1, 'AMOUNT_NEGATIVE'],
    ['4.505', 'AMOUNT_TOO_PRECISE'],
    ['£0.001', 'AMOUNT_TOO_PRECISE'],
    [4.555, 'AMOUNT_TOO_PRECISE'],
    ['200.01', 'AMOUNT_TOO_LARGE'],
    ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
    [1e21, 'AMOUNT_INVALID'],
    ['0', 'AMOUNT_ZERO'],
    ['£0.00', 'AMOUNT_ZERO'],
    ['', 'AMOUNT_MISSING'],
    [undefined, 'AMOUNT_MISSING'],
    [Number.NaN, 'AMOUNT_MISSING'],
    ['four pounds', 'AMOUNT_INVALID'],
    ['4,50', 'AMOUNT_INVALID'],
    ['$4', 'AMOUNT_INVALID'],
    ['4.', 'AMOUNT_INVALID'],
    [{}, 'AMOUNT_MISSING'],
  ])('%s is refused (%s)', (input, code) => {
    const result = parsePounds(input, LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('reads back every amount it formats, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: LIMITS.maxPence }), (pence) => {
        expect(parsePounds(formatPounds(pence), LIMITS)).toEqual({ ok: true, value: pence });
        expect(parsePounds(formatPoundsPlain(pence), LIMITS)).toEqual({ ok: true, value: pence });
      }),
    );
  });

  it('never throws and only ever gives whole pence within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), (input) => {
        const result = parsePounds(input, LIMITS);
        if (result.ok) {
          expect(Number.isSafeInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThan(0);
          expect(result.value).toBeLessThanOrEqual(LIMITS.maxPence);
        }
      }),
    );
  });
});

describe('formatting pence', () => {
  it.each([
    [0, '0.00', '£0.00'],
    [5, '0.05', '£0.05'],
    [450, '4.50', '£4.50'],
    [123456, '1234.56', '£1234.56'],
    [-250, '-2.50', '£-2.50'],
  ])('%i pence', (pence, plain, people) => {
    expect(formatPoundsPlain(pence)).toBe(plain);
    expect(formatPounds(pence)).toBe(people);
  });
});
