import fc from 'fast-check';
import { csvParts } from '../../../src/relationship/teams/cards/csv-parts.js';
import { describe, expect, it } from 'vitest';

describe('a long CSV split across cards', () => {
  it('keeps every line whole and in order, each part within the limit', () => {
    const line = fc.string({ maxLength: 120 }).map((text) => `${text.replace(/[\r\n]/g, ' ')}\r\n`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), fc.integer({ min: 130, max: 5000 }), (lines, max) => {
        const csv = lines.join('');
        const parts = csvParts(csv, max);
        expect(parts.join('')).toBe(csv);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          if (part !== '') expect(part.endsWith('\r\n')).toBe(true);
        }
      }),
    );
  });

  it('is one part for a month that fits', () => {
    expect(csvParts('a,b\r\n1,2\r\n')).toEqual(['a,b\r\n1,2\r\n']);
  });
});
