import type { Match, Proposal } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Effect } from '../../platform/app/ports.js';

/**
 * The message that asks a newly trained mentor for their pen picture. Whoever records training attendance may queue it
 * in the same write; the matching feature's scheduled job queues it too for any trained mentor not yet asked.
 */
export function askForProfileEffect(mentorId: string): Effect {
  return { id: `${mentorId}.askForProfile`, recipientId: mentorId, message: { type: 'askForProfile', mentorId } };
}

export function matchRequestEffect(proposal: Proposal, mentorId: string): Effect {
  return {
    id: `${proposal.id}.request.${mentorId}`,
    recipientId: mentorId,
    message: { type: 'matchRequest', youngPersonId: proposal.youngPersonId, proposalId: proposal.id },
  };
}

export function matchStartedEffects(match: Match, coordinators: readonly PersonRef[]): Effect[] {
  return [
    { id: `${match.id}.started`, recipientId: match.mentorId, message: { type: 'matchStarted', youngPersonId: match.youngPersonId, matchId: match.id } },
    ...noticeEffects(match.youngPersonId, match.id, 'accepted', coordinators),
  ];
}

export function noticeEffects(youngPersonId: string, proposalId: string, outcome: 'accepted' | 'declined', coordinators: readonly PersonRef[]): Effect[] {
  return coordinators.map((coordinator) => ({
    id: `${proposalId}.${outcome}.${coordinator.id}`,
    recipientId: coordinator.id,
    message: { type: 'matchNotice', youngPersonId, proposalId, outcome },
  }));
}
