import { fail, ok, type Result } from '../../../platform/kernel/result.js';
import type { YoungPerson } from './young-person.js';

/** What a coordinator typed to find a young person, normalised: lower case, spaces and dots squeezed out where it helps. */
export interface YoungPeopleSearch {
  readonly text: string;
  /** The same, letters only ("J.B." → "jb"), for initials. */
  readonly letters: string;
}

export const SEARCH_MAX = 40;

/** Empty means no search (everyone); anything too long or with characters no name or reference has is refused. */
export function parseYoungPeopleSearch(value: unknown): Result<YoungPeopleSearch | undefined, 'SEARCH_INVALID'> {
  if (value === undefined || value === null) return ok(undefined);
  const text = typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : undefined;
  if (text === undefined || text.length > SEARCH_MAX || !/^[\p{L}\p{N} .'’-]*$/u.test(text)) {
    return fail('SEARCH_INVALID', `Search by first name, initials or reference, in at most ${SEARCH_MAX} letters, digits or dashes.`);
  }
  return ok(text ? { text, letters: text.replace(/[^\p{L}]/gu, '') } : undefined);
}

/**
 * The record's plain search column: reference, first name and its initials, lower case, one per line. Stored beside
 * the record so a search is decided on the server without reading (and so without logging) anyone's record.
 */
export function searchKeyOf(youngPerson: Pick<YoungPerson, 'reference' | 'firstName'>): string {
  const name = youngPerson.firstName.trim().toLowerCase().replace(/\s+/g, ' ');
  const initials = name.split(/[\s-]+/).map((part) => part.replace(/[^\p{L}]/gu, '').charAt(0)).join('');
  return [youngPerson.reference.trim().toLowerCase(), name, initials].join('\n');
}

/** A reference containing the text, a first name (or any part of it) starting with it, or the initials exactly. */
export function matchesSearch(search: YoungPeopleSearch, key: string | undefined): boolean {
  if (!key) return false;
  const [reference = '', name = '', initials = ''] = key.split('\n');
  if (reference.includes(search.text)) return true;
  if (name.startsWith(search.text) || name.split(/[\s-]+/).some((part) => part.startsWith(search.text))) return true;
  return search.letters.length > 0 && search.letters.length <= 3 && search.letters === search.text.replace(/[ .]/g, '') && initials === search.letters;
}
