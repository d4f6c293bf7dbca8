import { restrictedPeople } from '../privacy/index.js';
import { onePerBot, type FeatureContext } from '../platform/feature.js';
import type { JourneyDeps } from './app/journey-deps.js';
import { MentorRepository } from './store/mentor.repository.js';

/**
 * The mentors' store with the directory, roles and clock: what every capability's use cases stand on. One per bot, so
 * every feature reads and writes mentors through the same repository.
 */
export const sharedJourney: (context: FeatureContext) => Promise<JourneyDeps> = onePerBot(open);

async function open(context: FeatureContext): Promise<JourneyDeps> {
  const mentors = new MentorRepository(await context.openTable(MENTORS_TABLE), context.queue, () => context.clock.now());
  return { mentors, directory: context.directory, roles: context.roles, clock: context.clock, restricted: await restrictedPeople(context) };
}

export const MENTORS_TABLE = 'Mentors';
