import type { MatchingPolicy } from '../domain/index.js';
import type { JourneyDeps } from '../../journey/index.js';
import type { EmergencyContacts, MentorMatchingStore, YoungPeopleStore } from './matching-ports.js';
import type { RestrictedPeople } from '../../platform/app/restricted-people.js';

/** What the matching use cases need; the matching feature builds it. */
export interface MatchingDeps {
  readonly journey: JourneyDeps;
  readonly records: MentorMatchingStore;
  readonly youngPeople: YoungPeopleStore;
  readonly policy: MatchingPolicy;
  readonly contacts: EmergencyContacts;
  /** Areas of the borough the forms accept. */
  readonly areas: readonly string[];
  newId(): string;
  /**
   * People whose records are restricted (docs/privacy.md): left out of matching and lists, every action refused.
   * Required: a wiring that forgets it would list restricted people (build the deps with `sharedMatching`).
   */
  readonly restricted: RestrictedPeople;
}
