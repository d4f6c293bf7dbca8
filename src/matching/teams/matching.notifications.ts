import { SYSTEM } from '../../platform/kernel/person.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import { ConcurrencyError } from '../../platform/app/ports.js';
import { matchNoticeCard, matchRequestCard, matchStartedCard } from './cards/matching.card.js';
import { profileFormCard } from './cards/pen-picture.card.js';
import { matchStartedView } from './matching-view.js';
import type { Notifiers } from '../../platform/delivery/notifier.js';

const ASK_INTRO =
  'Thank you for completing the training. Now write your pen picture: a description of yourself, your experience, interests and areas of expertise (report 4.2). A young person reads it when choosing a mentor.';

/** Matching's messages, rendered from what is stored when they are sent; a young person's record is read (and logged) only here. */
export function matchingNotifiers(deps: MatchingDeps): Notifiers {
  return {
    askForProfile: async (effect, message, transport) => {
      const [record, mentor] = await Promise.all([deps.records.get(message.mentorId), deps.journey.mentors.get(message.mentorId)]);
      // Written meanwhile, or no longer at "trained" (withdrawn, say): nothing to ask.
      if (record?.value.profile || mentor?.value.stage !== 'trained') return;
      await transport.send(effect.recipientId, profileFormCard(undefined, deps.areas, { intro: ASK_INTRO }));
      if (record?.value.askedForProfileAt) return;
      // Asked through another path (training attendance): note it so the scheduled job does not ask again.
      const now = deps.journey.clock.now().toISOString();
      const value = { ...(record?.value ?? { mentorId: message.mentorId, activeMatches: [], conflicts: [] }), askedForProfileAt: now };
      await deps.records
        .save({ value, ...(record ? { etag: record.etag } : {}), audit: [{ at: now, actor: SYSTEM, action: 'askForProfile', subjectId: message.mentorId }], effects: [] })
        .catch((error: unknown) => {
          if (!(error instanceof ConcurrencyError)) throw error;
        });
    },
    matchRequest: async (effect, message, transport) => {
      const proposal = await deps.youngPeople.getProposal(message.youngPersonId, message.proposalId);
      if (proposal?.value.status !== 'withMentor' || proposal.value.chosenMentorId !== effect.recipientId) return;
      await transport.send(effect.recipientId, matchRequestCard({ youngPersonId: message.youngPersonId, proposalId: message.proposalId }), `match.${message.proposalId}`);
    },
    matchStarted: async (effect, message, transport) => {
      const match = await deps.youngPeople.getMatch(message.youngPersonId, message.matchId);
      if (!match || match.status !== 'active' || match.mentorId !== effect.recipientId) return;
      const mentor = { id: match.mentorId, name: (await deps.journey.mentors.get(match.mentorId))?.value.name ?? 'mentor' };
      const youngPerson = await deps.youngPeople.get(match.youngPersonId, { reader: mentor, purpose: 'matchDetailsForMentor' });
      if (!youngPerson) return;
      await transport.send(effect.recipientId, matchStartedCard(matchStartedView(youngPerson.value, deps.contacts, deps.journey.clock.now())));
    },
    matchNotice: async (effect, message, transport) => {
      const proposal = await deps.youngPeople.getProposal(message.youngPersonId, message.proposalId);
      if (!proposal?.value.chosenMentorId) return;
      const mentorName = (await deps.journey.mentors.get(proposal.value.chosenMentorId))?.value.name ?? 'The mentor';
      const coordinator = deps.journey.roles.coordinators.find((each) => each.id === effect.recipientId) ?? { id: effect.recipientId, name: 'coordinator' };
      const youngPerson = await deps.youngPeople.get(message.youngPersonId, { reader: coordinator, purpose: 'notice' });
      await transport.send(effect.recipientId, matchNoticeCard(mentorName, youngPerson?.value, message.outcome));
    },
  };
}
