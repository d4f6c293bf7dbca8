import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSessionTimeParts, readDay, readTime } from '../../../src/sessions/domain/index.js';
import { NOW } from './session.fixture.js';

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const WRITTEN = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

describe('reading the day and time inputs', () => {
  it('reads any real day the same whether Input.Date sent it or a person typed it in the UK forms', () => {
    fc.assert(
      fc.property(day, (iso) => {
        const [year, month, date] = iso.split('-');
        expect(readDay(iso)).toBe(iso);
        expect(readDay(`${date}/${month}/${year}`)).toBe(iso);
        expect(readDay(WRITTEN.format(new Date(`${iso}T12:00:00Z`)).replace(',', ''))).toBe(iso);
      }),
    );
  });

  it('reads any time of day Input.Time can send, with or without seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        expect(readTime(hhmm)).toBe(hhmm);
        expect(readTime(`${hhmm}:00`)).toBe(hhmm);
      }),
    );
  });

  it('never throws, and gives only a real day or time or nothing, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        const read = readDay(value);
        if (read !== undefined) expect(new Date(`${read}T00:00:00Z`).toISOString().slice(0, 10)).toBe(read);
        const time = readTime(value);
        if (time !== undefined) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
    );
  });

  it('never accepts a session that starts in the past or ends before it starts, and puts every problem under a field of the card', () => {
    const fields = new Set(['date', 'startTime', 'endTime', 'closesDate', 'closesTime']);
    fc.assert(
      fc.property(
        fc.record({ date: fc.oneof(day, fc.string()), startTime: fc.oneof(fc.constantFrom('09:30', '23:59', '00:00', '25:00'), fc.string()), endTime: fc.oneof(fc.constantFrom('10:00', '16:30', '00:00'), fc.string()), closesDate: fc.oneof(fc.constant(''), day), closesTime: fc.constantFrom('', '17:00') }),
        (form) => {
          const checked = checkSessionTimeParts(form, 'Europe/London', NOW);
          if (checked.ok) {
            expect(Date.parse(checked.value.startsAt)).toBeGreaterThan(NOW.getTime());
            expect(Date.parse(checked.value.endsAt)).toBeGreaterThan(Date.parse(checked.value.startsAt));
            expect(Date.parse(checked.value.bookingClosesAt)).toBeLessThanOrEqual(Date.parse(checked.value.startsAt));
          } else {
            expect(checked.problems.length).toBeGreaterThan(0);
            for (const each of checked.problems) expect(fields.has(each.field)).toBe(true);
          }
        },
      ),
    );
  });
});
