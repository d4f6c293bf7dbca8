import type { RestrictedPeople } from '../platform/app/restricted-people.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import { CachedRestrictionList } from './app/cached-restriction-list.js';
import { restrictionList } from './app/restriction-list.js';
import { PRIVACY_TABLE, PrivacyRepository } from './store/privacy.repository.js';

/** The privacy store, one per bot: the privacy feature and every capability that asks who is restricted share it. */
export const sharedPrivacyStore: (context: FeatureContext) => Promise<PrivacyRepository> = onePerBot(async (context) => {
  return new PrivacyRepository(await context.openTable(PRIVACY_TABLE), context.queue, () => context.clock.now());
});

/**
 * Who is restricted, one list per bot: read from the privacy table at most once per RESTRICTIONS_FRESH_MS, and again
 * at once after a restriction is made or lifted through this bot's store (see cached-restriction-list.ts for why a
 * restriction made on another instance may take that long to apply here).
 */
export const restrictedPeople: (context: FeatureContext) => Promise<RestrictedPeople> = onePerBot(async (context) => {
  const store = await sharedPrivacyStore(context);
  const cached = new CachedRestrictionList(restrictionList(store));
  store.onRestrictionSaved(() => cached.forget());
  return cached;
});
