import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Relationship, RelationshipDeps } from './relationship-ports.js';
import { asId, relationshipFor } from './relationship-record.js';

/**
 * The 6-month question (report 3.8): mentor and coordinator each say whether to continue. When both have said so the
 * review is recorded; an answer to end leads to the ending form instead (handled by the caller), and changes nothing here.
 */
export async function answerReview(deps: RelationshipDeps, actor: PersonRef, matchId: string, answer: unknown): Promise<Result<Relationship>> {
  if (answer !== 'continue') return fail('REVIEW_ANSWER_INVALID', 'Please choose to continue, or end the match with a reason.');
  const match = asId(matchId) ? await deps.matches.get(matchId) : undefined;
  if (!match) return fail('MATCH_NOT_FOUND', 'This match is no longer active.');
  const side = actor.id === match.mentorId ? 'mentor' : deps.journey.roles.isCoordinator(actor.id) ? 'coordinator' : undefined;
  if (!side) return fail('NOT_IN_MATCH', 'Only the mentor in this match or a scheme coordinator can answer this.');
  return retryOnConflict(async (): Promise<Result<Relationship>> => {
    const current = await relationshipFor(deps, match);
    if (current.value.status !== 'active') return fail('MATCH_NOT_FOUND', 'This match has ended.');
    const review = current.value.review ?? {};
    if (review[side] === 'continue') return ok(current.value);
    const now = deps.journey.clock.now().toISOString();
    const answered = { ...review, [side]: 'continue' as const };
    const both = answered.mentor === 'continue' && answered.coordinator === 'continue';
    const value: Relationship = { ...current.value, review: { ...answered, ...(both ? { recordedAt: now } : {}) } };
    await deps.relationships.commit({
      matchId,
      relationship: { value, etag: current.etag },
      audit: [{ at: now, actor, action: 'reviewContinue', subjectId: matchId, detail: side }],
      effects: [],
    });
    return ok(value);
  });
}
