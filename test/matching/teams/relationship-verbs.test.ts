import { describe, expect, it } from 'vitest';
import { END_MATCH_FORM_VERB } from '../../../src/matching/teams/relationship-verbs.js';
import { RELATIONSHIP_VERBS } from '../../../src/relationship/teams/relationship.verbs.js';

describe('the verb a matched record closes through', () => {
  it('is the relationship capability’s end-of-match form', () => {
    expect(END_MATCH_FORM_VERB).toBe(RELATIONSHIP_VERBS.endForm);
  });
});
