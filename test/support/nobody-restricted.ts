import type { RestrictedPeople } from '../../src/platform/app/restricted-people.js';

/** A restriction list with nobody on it, for use-case tests whose subject is not restriction. */
export const nobodyRestricted: RestrictedPeople = { restrictedIds: async () => new Set<string>() };
