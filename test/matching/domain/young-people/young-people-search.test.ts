import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSearch, parseYoungPeopleSearch, searchKeyOf, SEARCH_MAX } from '../../../../src/matching/domain/young-people/index.js';

const search = (text: string) => {
  const parsed = parseYoungPeopleSearch(text);
  if (!parsed.ok || !parsed.value) throw new Error(`not a search: ${text}`);
  return parsed.value;
};

describe('searching young people by first name, initials or reference', () => {
  const maryAnn = searchKeyOf({ reference: 'LC-0042', firstName: 'Mary Ann' });
  const jo = searchKeyOf({ reference: 'LC-1001', firstName: 'Jo-Anne' });

  it.each([
    ['mary', maryAnn, true],
    ['MARY', maryAnn, true],
    ['ann', maryAnn, true],
    ['mary ann', maryAnn, true],
    ['ma', maryAnn, true],
    ['M.A.', maryAnn, true],
    ['m a', maryAnn, true],
    ['ary', maryAnn, false],
    ['mx', maryAnn, false],
    ['lc-0042', maryAnn, true],
    ['0042', maryAnn, true],
    ['42', maryAnn, true],
    ['lc-1001', maryAnn, false],
    ['anne', jo, true],
    ['ja', jo, true],
    ['jo-anne', jo, true],
    ['j', jo, true],
    ['mary', undefined, false],
  ] as const)('%s in %j: %s', (text, key, expected) => {
    expect(matchesSearch(search(text), key)).toBe(expected);
  });

  it('keeps the reference, the first name and its initials, lower case, in the search column', () => {
    expect(maryAnn).toBe('lc-0042\nmary ann\nma');
    expect(jo).toBe('lc-1001\njo-anne\nja');
  });

  it('reads nothing typed as no search, and refuses what no name or reference holds, with one sentence', () => {
    for (const empty of [undefined, null, '', '   ']) expect(parseYoungPeopleSearch(empty)).toEqual({ ok: true, value: undefined });
    for (const bad of ['x'.repeat(SEARCH_MAX + 1), '<script>', "'; drop", 'a*', 'name\u0000', 42, { text: 'mary' }]) {
      const parsed = parseYoungPeopleSearch(bad);
      expect(parsed.ok, String(bad)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toEqual({ code: 'SEARCH_INVALID', message: 'Search by first name, initials or reference, in at most 40 letters, digits or dashes.' });
    }
  });

  it('finds every record by its own reference and its own first name, whatever they are', () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ' -]{0,38}$/);
    const reference = fc.stringMatching(/^[A-Z]{1,3}-?[0-9]{1,8}$/);
    fc.assert(
      fc.property(reference, name, (ref, firstName) => {
        const key = searchKeyOf({ reference: ref, firstName });
        expect(matchesSearch(search(ref), key)).toBe(true);
        if (firstName.trim()) expect(matchesSearch(search(firstName), key)).toBe(true);
      }),
    );
  });

  it('never throws on anything typed, and accepts or refuses it as a whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (typed) => {
        const parsed = parseYoungPeopleSearch(typed);
        if (parsed.ok && parsed.value) expect(parsed.value.text.length).toBeLessThanOrEqual(SEARCH_MAX);
        if (!parsed.ok) expect(parsed.error.code).toBe('SEARCH_INVALID');
      }),
    );
  });
});
