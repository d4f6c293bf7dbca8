import { SYSTEM } from '../../platform/kernel/person.js';
import { ConcurrencyError } from '../../platform/app/ports.js';
import { askForProfileEffect } from './matching-effects.js';
import type { MatchingDeps } from './matching-deps.js';
import { emptyMatchingRecord } from './matching-ports.js';

/**
 * Asks every trained mentor without a pen picture for one, once: the etag-guarded write that records the asking carries
 * the message, so many instances running this at once still ask once.
 */
export async function askTrainedMentorsForProfile(deps: MatchingDeps): Promise<number> {
  let asked = 0;
  const restricted = await deps.journey.restricted.restrictedIds();
  for await (const { value: mentor } of deps.journey.mentors.listByStage('trained')) {
    if (restricted.has(mentor.id.toLowerCase())) continue;
    const current = await deps.records.get(mentor.id);
    if (current?.value.askedForProfileAt || current?.value.profile) continue;
    const now = deps.journey.clock.now();
    try {
      await deps.records.save({
        value: { ...(current?.value ?? emptyMatchingRecord(mentor.id)), askedForProfileAt: now.toISOString() },
        ...(current ? { etag: current.etag } : {}),
        audit: [{ at: now.toISOString(), actor: SYSTEM, action: 'askForProfile', subjectId: mentor.id }],
        effects: [askForProfileEffect(mentor.id)],
      });
      asked += 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return asked;
}
