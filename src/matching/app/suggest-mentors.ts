import { proposeMentors, rankMentors, recordYoungPersonDecision, type Proposal, type Ranking, type YoungPersonDecision } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { YoungPerson } from '../domain/young-people/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { loadCandidates } from './candidates.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { isRestricted, RESTRICTED_REFUSAL, restrictedRefusal, withoutRestricted } from '../../platform/app/restricted-people.js';
import { matchRequestEffect } from './matching-effects.js';
import type { MatchingDeps } from './matching-deps.js';

const NOT_FOUND = 'That young person is not on the scheme.';

/** The ranked shortlist for one young person, with reasons, and who is ruled out and why. */
export async function suggestMentors(deps: MatchingDeps, actor: PersonRef, youngPersonId: string): Promise<Result<{ youngPerson: YoungPerson; ranking: Ranking }>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  if (await isRestricted(deps.journey.restricted, youngPersonId)) return fail('RESTRICTED', RESTRICTED_REFUSAL);
  const found = await deps.youngPeople.get(youngPersonId, { reader: actor, purpose: 'suggest' });
  if (!found) return fail('YOUNG_PERSON_NOT_FOUND', NOT_FOUND);
  const ranking = rankMentors(found.value, await loadCandidates(deps), deps.journey.clock.now(), { policy: deps.policy });
  return ranking.ok ? ok({ youngPerson: found.value, ranking: ranking.value }) : ranking;
}

/**
 * Puts up to three mentors to the young person. The shortlist is worked out again here, from what is stored now: a card
 * can only name mentors, never make one eligible.
 */
export async function putMentors(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, mentorIds: readonly string[]): Promise<Result<{ youngPerson: YoungPerson; proposal: Proposal }>> {
  // A proposal's id carries the time: two in the same millisecond collide on create, and the second tries again.
  return retryOnConflict(() => putMentorsOnce(deps, actor, youngPersonId, mentorIds));
}

async function putMentorsOnce(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, mentorIds: readonly string[]): Promise<Result<{ youngPerson: YoungPerson; proposal: Proposal }>> {
  const suggested = await suggestMentors(deps, actor, youngPersonId);
  if (!suggested.ok) return suggested;
  // A restricted mentor is never on the shortlist; naming one is refused in the restriction's own words.
  if ((await withoutRestricted(deps.journey.restricted, mentorIds, (id) => id)).length < mentorIds.length) return fail('RESTRICTED', RESTRICTED_REFUSAL);
  const { youngPerson, ranking } = suggested.value;
  const proposed = proposeMentors(youngPerson, ranking, mentorIds, actor, deps.journey.clock.now());
  if (!proposed.ok) return proposed;
  const proposal = proposed.value;
  await deps.youngPeople.commit({
    youngPersonId,
    proposal: { value: proposal },
    audit: [{ at: proposal.proposedAt, actor, action: 'putMentors', subjectId: youngPersonId, detail: proposal.id }],
    effects: [],
  });
  return ok({ youngPerson, proposal });
}

/** The young person's decision (report 4.3), recorded by the coordinator; a chosen mentor is then asked to accept. */
export async function recordChoice(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, proposalId: string, decision: YoungPersonDecision): Promise<Result<Proposal>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const refused = await restrictedRefusal(deps.journey.restricted, youngPersonId, typeof decision === 'object' ? decision.choose : undefined);
  if (refused) return refused;
  return retryOnConflict(async () => {
    const current = await deps.youngPeople.getProposal(youngPersonId, proposalId);
    if (!current) return fail('PROPOSAL_NOT_FOUND', 'Those suggestions are no longer on record: ask for suggestions again.');
    const decided = recordYoungPersonDecision(current.value, decision, actor, deps.journey.clock.now());
    if (!decided.ok) return decided;
    const proposal = decided.value;
    await deps.youngPeople.commit({
      youngPersonId,
      proposal: { value: proposal, etag: current.etag },
      audit: [{ at: proposal.choiceRecordedAt!, actor, action: 'recordChoice', subjectId: youngPersonId, detail: proposal.status }],
      effects: proposal.chosenMentorId ? [matchRequestEffect(proposal, proposal.chosenMentorId)] : [],
    });
    return ok(proposal);
  });
}
