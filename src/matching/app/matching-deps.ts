import type { MatchingPolicy } from '../domain/index.js';
import type { JourneyDeps } from '../../journey/index.js';
import type { EmergencyContacts, MentorMatchingStore, YoungPeopleStore } from './matching-ports.js';

/**
 * What the matching use cases need, built once per bot by `sharedMatching`. Who is restricted comes with `journey`
 * (`journey.restricted`, required there): left out of matching and lists, every action refused.
 */
export interface MatchingDeps {
  readonly journey: JourneyDeps;
  readonly records: MentorMatchingStore;
  readonly youngPeople: YoungPeopleStore;
  readonly policy: MatchingPolicy;
  readonly contacts: EmergencyContacts;
  /** Areas of the borough the forms accept. */
  readonly areas: readonly string[];
  newId(): string;
}
