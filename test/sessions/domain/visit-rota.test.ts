import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVisit, EMPTY_ROTA, markReminded, monthName, recordVisitDone, rotaGaps, setUpRota, visitsToRemind, type VisitRota } from '../../../src/sessions/domain/index.js';

const LONDON = 'Europe/London';
const NOW = new Date('2026-12-04T10:00:00Z');
const ADELE = { id: 'adele', name: 'Adele Vance' };
const PATTI = { id: 'patti', name: 'Patti Fernandez' };

function rota(): VisitRota {
  const made = setUpRota(EMPTY_ROTA, { homes: 'Oak House\nBirch Lodge', fromMonth: '2026-12', toMonth: '2027-02' }, NOW, LONDON);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('the Regulation 33 rota', () => {
  it('sets up homes and months, and adds more later without losing visits', () => {
    const first = rota();
    expect(first.homes.map((h) => [h.id, h.name])).toEqual([['home-oak-house', 'Oak House'], ['home-birch-lodge', 'Birch Lodge']]);
    expect(first.months).toEqual(['2026-12', '2027-01', '2027-02']);
    const assigned = must(assignVisit(first, 'home-oak-house', '2027-01', ADELE, NOW, LONDON));
    const more = must(setUpRota(assigned, { homes: 'oak house\nElm Court', fromMonth: '2027-02', toMonth: '2027-03' }, NOW, LONDON));
    expect(more.homes.map((h) => h.name)).toEqual(['Oak House', 'Birch Lodge', 'Elm Court']);
    expect(more.months).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
    expect(more.visits).toEqual(assigned.visits);
  });

  it.each([
    ['no homes on a new rota', { homes: ' \n ', fromMonth: '2027-01', toMonth: '2027-02' }, 'homes', 'HOMES_REQUIRED'],
    ['a home name too long', { homes: 'x'.repeat(81), fromMonth: '2027-01', toMonth: '2027-02' }, 'homes', 'HOME_NAME_TOO_LONG'],
    ['a home of punctuation', { homes: '***', fromMonth: '2027-01', toMonth: '2027-02' }, 'homes', 'HOME_NAME_NO_WORDS'],
    ['hidden direction characters', { homes: 'Oak \u202EHouse', fromMonth: '2027-01', toMonth: '2027-02' }, 'homes', 'HOMES_NOT_PLAIN'],
    ['a month not a month', { homes: 'Oak House', fromMonth: 'January', toMonth: '2027-02' }, 'fromMonth', 'MONTH_INVALID'],
    ['month 13', { homes: 'Oak House', fromMonth: '2027-01', toMonth: '2027-13' }, 'toMonth', 'MONTH_INVALID'],
    ['a month past', { homes: 'Oak House', fromMonth: '2026-11', toMonth: '2027-02' }, 'fromMonth', 'MONTH_PAST'],
    ['months backwards', { homes: 'Oak House', fromMonth: '2027-03', toMonth: '2027-01' }, 'toMonth', 'MONTHS_BACKWARDS'],
    ['over a year at once', { homes: 'Oak House', fromMonth: '2027-01', toMonth: '2028-01' }, 'toMonth', 'TOO_MANY_MONTHS'],
  ])('refuses %s under its field', (_name, input, field, code) => {
    const made = setUpRota(EMPTY_ROTA, input, NOW, LONDON);
    expect(!made.ok && made.error.problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses more than 30 homes', () => {
    const homes = Array.from({ length: 31 }, (_, i) => `Home ${i}`).join('\n');
    const made = setUpRota(EMPTY_ROTA, { homes, fromMonth: '2027-01', toMonth: '2027-01' }, NOW, LONDON);
    expect(!made.ok && made.error.problems[0]!.code).toBe('TOO_MANY_HOMES');
  });

  it('shows every visit with no member, and past visits not recorded, as gaps', () => {
    const later = new Date('2027-01-10T10:00:00Z');
    let r = must(assignVisit(rota(), 'home-oak-house', '2026-12', ADELE, NOW, LONDON));
    r = must(assignVisit(r, 'home-birch-lodge', '2026-12', PATTI, NOW, LONDON));
    r = must(recordVisitDone(r, 'home-birch-lodge', '2026-12', PATTI, false, NOW, LONDON)).rota;
    r = must(assignVisit(r, 'home-oak-house', '2027-01', ADELE, later, LONDON));
    expect(rotaGaps(r, later, LONDON).map((g) => `${g.home.name} ${g.month} ${g.kind}`)).toEqual([
      'Oak House 2026-12 notDone',
      'Birch Lodge 2027-01 noMember',
      'Oak House 2027-02 noMember',
      'Birch Lodge 2027-02 noMember',
    ]);
  });

  it('lets only the member on the visit, or a coordinator, record it, from its month, once', () => {
    const r = must(assignVisit(rota(), 'home-oak-house', '2027-01', ADELE, NOW, LONDON));
    expect(recordVisitDone(r, 'home-oak-house', '2027-01', ADELE, false, NOW, LONDON)).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_DUE' } });
    const january = new Date('2027-01-12T10:00:00Z');
    expect(recordVisitDone(r, 'home-oak-house', '2027-01', PATTI, false, january, LONDON)).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_VISIT' } });
    const done = must(recordVisitDone(r, 'home-oak-house', '2027-01', ADELE, false, january, LONDON));
    expect(done.changed).toBe(true);
    expect(must(recordVisitDone(done.rota, 'home-oak-house', '2027-01', ADELE, false, january, LONDON)).changed).toBe(false);
    expect(must(recordVisitDone(r, 'home-oak-house', '2027-01', PATTI, true, january, LONDON)).rota.visits[0]!.doneBy).toEqual(PATTI);
    expect(recordVisitDone(r, 'home-birch-lodge', '2027-01', ADELE, false, january, LONDON)).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_ON_ROTA' } });
    expect(assignVisit(done.rota, 'home-oak-house', '2027-01', PATTI, january, LONDON)).toMatchObject({ ok: false, error: { code: 'VISIT_DONE' } });
  });

  it('refuses a visit off the rota or in a month past', () => {
    expect(assignVisit(rota(), 'home-elm-court', '2027-01', ADELE, NOW, LONDON)).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_ON_ROTA' } });
    expect(assignVisit(rota(), 'home-oak-house', '2027-06', ADELE, NOW, LONDON)).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_ON_ROTA' } });
    expect(assignVisit(rota(), 'home-oak-house', '2026-12', ADELE, new Date('2027-01-01T00:30:00Z'), LONDON)).toMatchObject({ ok: false, error: { code: 'MONTH_PAST' } });
  });

  it('reminds from a week before the month, once per member; a member put on instead is reminded too', () => {
    const r = must(assignVisit(rota(), 'home-oak-house', '2027-01', ADELE, NOW, LONDON));
    expect(visitsToRemind(r, new Date('2026-12-24T10:00:00Z'), LONDON)).toEqual([]);
    const due = visitsToRemind(r, new Date('2026-12-25T10:00:00Z'), LONDON);
    expect(due.map((v) => v.member?.name)).toEqual(['Adele Vance']);
    const reminded = markReminded(r, due);
    expect(visitsToRemind(reminded, new Date('2026-12-26T10:00:00Z'), LONDON)).toEqual([]);
    const swapped = must(assignVisit(reminded, 'home-oak-house', '2027-01', PATTI, new Date('2026-12-26T10:00:00Z'), LONDON));
    expect(visitsToRemind(swapped, new Date('2026-12-26T10:00:00Z'), LONDON).map((v) => v.member?.name)).toEqual(['Patti Fernandez']);
  });

  it('names months for people', () => {
    expect(monthName('2027-01')).toBe('January 2027');
  });

  it('never throws on any form, and a rota it makes holds only real months ahead', () => {
    const month = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('2026-12', '2027-01', '2027-12', '2028-13', '1999-01'));
    fc.assert(
      fc.property(fc.oneof(fc.record({ homes: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('Oak House\nBirch Lodge')), fromMonth: month, toMonth: month }), fc.anything()), (input) => {
        const made = setUpRota(EMPTY_ROTA, input, NOW, LONDON);
        if (!made.ok) return;
        expect(made.value.homes.length).toBeGreaterThan(0);
        for (const m of made.value.months) expect(m >= '2026-12' && /^\d{4}-(0[1-9]|1[0-2])$/.test(m)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
