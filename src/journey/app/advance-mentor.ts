import { advance, inStage, type JourneyEvent, type Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { stageChange } from './audit.js';
import type { JourneyDeps } from './journey-deps.js';

/**
 * Moves the actor's own mentor record on by `event`, with its audit entry, when the journey allows it from where they
 * are; otherwise leaves it as it is. Gives back the mentor as it now stands, undefined when there is no record.
 */
export async function advanceMentorIfAllowed(journey: JourneyDeps, actor: PersonRef, event: JourneyEvent): Promise<Mentor | undefined> {
  return retryOnConflict(async () => {
    const current = await journey.mentors.get(actor.id);
    if (!current) return undefined;
    const next = advance(current.value.stage, event);
    if (!next.ok) return current.value;
    const now = journey.clock.now();
    const mentor: Mentor = inStage(current.value, next.value, now);
    await journey.mentors.save({ value: mentor, etag: current.etag, audit: [stageChange(actor, event, current.value, mentor, now)], effects: [] });
    return mentor;
  });
}
