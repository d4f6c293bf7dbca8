/**
 * The relationship capability's card action that opens the form to end a match (its routes handle it). Closing the record
 * of a matched young person goes through it, so the match ends with its reason and notices first. Named here rather than
 * imported so that matching does not depend on relationship; test/matching/teams/relationship-verbs.test.ts keeps the
 * two names the same.
 */
export const END_MATCH_FORM_VERB = 'endForm';
