import type { RestrictedPeople } from '../../platform/app/restricted-people.js';
import type { PrivacyStore } from './privacy-ports.js';

/** The restricted people as other capabilities ask for them, read from the privacy store when asked (shared-privacy.ts caches it). */
export function restrictionList(store: Pick<PrivacyStore, 'activeRestrictions'>): RestrictedPeople {
  return { restrictedIds: async () => new Set((await store.activeRestrictions()).map((restriction) => restriction.personId.toLowerCase())) };
}
