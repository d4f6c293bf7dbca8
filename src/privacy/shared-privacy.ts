import type { RestrictedPeople } from '../platform/app/restricted-people.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { restrictionList } from './app/restriction-list.js';
import { PRIVACY_TABLE, PrivacyRepository } from './store/privacy.repository.js';

/** The privacy store, one per bot: the privacy feature and every capability that asks who is restricted share it. */
export const sharedPrivacyStore: (context: FeatureContext) => Promise<PrivacyRepository> = onePerBot(async (context) => {
  return new PrivacyRepository(await context.openTable(PRIVACY_TABLE), context.queue, () => context.clock.now());
});

/** Who is restricted, read from the privacy table when asked (a restriction applies on every instance at once). */
export async function restrictedPeople(context: FeatureContext): Promise<RestrictedPeople> {
  return restrictionList(await sharedPrivacyStore(context));
}
