import type { FeatureContext } from '../platform/feature.js';
import type { JourneyDeps } from './app/journey-deps.js';
import { MentorRepository } from './store/mentor.repository.js';

const opened = new WeakMap<FeatureContext, Promise<JourneyDeps>>();

/**
 * The mentors' store with the directory, roles and clock: what every capability's use cases stand on. One per bot, so
 * every feature reads and writes mentors through the same repository.
 */
export function sharedJourney(context: FeatureContext): Promise<JourneyDeps> {
  let shared = opened.get(context);
  if (!shared) {
    shared = open(context);
    opened.set(context, shared);
  }
  return shared;
}

async function open(context: FeatureContext): Promise<JourneyDeps> {
  const mentors = new MentorRepository(await context.openTable(MENTORS_TABLE), context.queue, () => context.clock.now());
  return { mentors, directory: context.directory, roles: context.roles, clock: context.clock };
}

export const MENTORS_TABLE = 'Mentors';
