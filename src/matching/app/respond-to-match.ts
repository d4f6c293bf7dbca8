import { acceptProposal, declineProposal, type Match, type Proposal } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { advanceMentorIfAllowed } from '../../journey/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { candidateOf } from './candidates.js';
import { matchStartedEffects, noticeEffects } from './matching-effects.js';
import type { MatchingDeps } from './matching-deps.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

const GONE = 'This request is no longer on record.';

/**
 * The chosen mentor accepts, and the match starts once. Two guards, each an etag-guarded write:
 * 1. the mentor's own record takes the match (so a mentor can never hold more matches than allowed, whatever number of
 *    young people choose them at once);
 * 2. one transaction in the young person's partition marks them matched, closes the proposal and creates the match
 *    (its id is the proposal's: a retry or a double click cannot create a second, and a second proposal for the same
 *    young person fails on their etag).
 * If step 2 is refused for good, step 1 is undone. Then the mentor moves to "matched".
 */
export async function acceptMatch(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, proposalId: string): Promise<Result<{ match: Match }>> {
  const refused = await restrictedRefusal(deps.journey.restricted, actor.id, youngPersonId);
  if (refused) return refused;
  const outcome = await retryOnConflict(async (): Promise<Result<{ match: Match }>> => {
    const proposal = await deps.youngPeople.getProposal(youngPersonId, proposalId);
    if (!proposal) return fail('PROPOSAL_NOT_FOUND', GONE);
    if (proposal.value.status === 'accepted' && proposal.value.chosenMentorId === actor.id) {
      const match = await deps.youngPeople.getMatch(youngPersonId, proposalId);
      if (match) return ok({ match });
    }
    // Refused before the young person's record is read: it is read only when the match can go ahead.
    if (proposal.value.chosenMentorId !== actor.id) return fail('NOT_CHOSEN_MENTOR', 'Only the mentor the young person chose can answer this request.');
    if (proposal.value.status !== 'withMentor') return fail('NOT_AWAITING_MENTOR', 'This request is no longer waiting for an answer.');
    const [mentor, record] = await Promise.all([deps.journey.mentors.get(actor.id), deps.records.get(actor.id)]);
    if (!mentor) return fail('NOT_CHOSEN_MENTOR', 'Only the mentor the young person chose can answer this request.');
    const held = record?.value.activeMatches ?? [];
    const others = held.filter((each) => each.matchId !== proposalId);
    const youngPerson = await deps.youngPeople.get(youngPersonId, { reader: actor, purpose: 'mentorResponse' });
    if (!youngPerson) return fail('PROPOSAL_NOT_FOUND', GONE);
    const candidate = { ...candidateOf(mentor.value, record?.value), activeMatches: others.length };
    const now = deps.journey.clock.now();
    const accepted = acceptProposal(proposal.value, candidate, youngPerson.value, now, deps.policy);
    if (!accepted.ok) {
      // A simultaneous acceptance of this same proposal (a double click) may have just finished: that is success.
      const again = await deps.youngPeople.getProposal(youngPersonId, proposalId);
      const done = again?.value.status === 'accepted' && again.value.chosenMentorId === actor.id ? await deps.youngPeople.getMatch(youngPersonId, proposalId) : undefined;
      if (done) return ok({ match: done });
      if (others.length !== held.length) await releaseClaim(deps, actor, youngPersonId, proposalId);
      return accepted;
    }
    const { match } = accepted.value;
    if (others.length === held.length) {
      await deps.records.save({
        value: { ...(record?.value ?? { mentorId: actor.id, activeMatches: [], conflicts: [] }), activeMatches: [...held, { matchId: match.id, youngPersonId }] },
        ...(record ? { etag: record.etag } : {}),
        audit: [{ at: now.toISOString(), actor, action: 'claimMatch', subjectId: actor.id, detail: match.id }],
        effects: [],
      });
    }
    await deps.youngPeople.commit({
      youngPersonId,
      youngPerson: { value: accepted.value.youngPerson, etag: youngPerson.etag },
      proposal: { value: accepted.value.proposal, etag: proposal.etag },
      match,
      audit: [{ at: now.toISOString(), actor, action: 'acceptMatch', subjectId: youngPersonId, fromStage: 'waiting', toStage: 'matched', detail: match.id }],
      effects: matchStartedEffects(match, deps.journey.roles.coordinators),
    });
    return ok({ match });
  });
  if (outcome.ok) await advanceMentorIfAllowed(deps.journey, actor, 'match');
  return outcome;
}

export async function declineMatch(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, proposalId: string): Promise<Result<Proposal>> {
  const refused = await restrictedRefusal(deps.journey.restricted, actor.id, youngPersonId);
  if (refused) return refused;
  return retryOnConflict(async () => {
    const current = await deps.youngPeople.getProposal(youngPersonId, proposalId);
    if (!current) return fail('PROPOSAL_NOT_FOUND', GONE);
    const now = deps.journey.clock.now();
    const declined = declineProposal(current.value, actor.id, now);
    if (!declined.ok) return declined;
    await deps.youngPeople.commit({
      youngPersonId,
      proposal: { value: declined.value, etag: current.etag },
      audit: [{ at: now.toISOString(), actor, action: 'declineMatch', subjectId: youngPersonId, detail: proposalId }],
      effects: noticeEffects(youngPersonId, proposalId, 'declined', deps.journey.roles.coordinators),
    });
    return ok(declined.value);
  });
}

/** Undoes a claim whose match never started (the young person was matched by someone else first). */
async function releaseClaim(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, matchId: string): Promise<void> {
  if (await deps.youngPeople.getMatch(youngPersonId, matchId)) return;
  const mentorId = actor.id;
  await retryOnConflict(async () => {
    const record = await deps.records.get(mentorId);
    if (!record || !record.value.activeMatches.some((each) => each.matchId === matchId)) return;
    const now = deps.journey.clock.now();
    await deps.records.save({
      value: { ...record.value, activeMatches: record.value.activeMatches.filter((each) => each.matchId !== matchId) },
      etag: record.etag,
      audit: [{ at: now.toISOString(), actor, action: 'releaseMatchClaim', subjectId: mentorId, detail: matchId }],
      effects: [],
    });
  });
}
