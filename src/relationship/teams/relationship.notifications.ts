import { claimRejectedCard } from './cards/claims.card.js';
import { matchEndedCard } from './cards/match-ending.card.js';
import { endedView } from './ended-view.js';
import { feedbackFormCard } from './cards/feedback.card.js';
import { checkInCard } from './cards/check-in.card.js';
import { feedbackFormFor } from '../app/feedback.js';
import { reviewCard } from './cards/review.card.js';
import { commitmentNudgeCard, shortfallCard } from './cards/commitment.card.js';
import { progressOf } from '../app/progress.js';
import type { RelationshipDeps } from '../app/relationship-ports.js';
import { startedAt } from '../app/relationship-record.js';
import { minutesInMonth, previousMonth, termStatus } from '../domain/index.js';
import { concernCard, concernPickedUpCard } from './cards/support.card.js';
import type { Notifiers } from '../../platform/delivery/notifier.js';

/** Relationship messages, drawn from what is stored when they are sent: a late delivery never shows a stale state. */
export function relationshipNotifiers(deps: RelationshipDeps): Notifiers {
  const mentorName = async (mentorId: string) => (await deps.journey.mentors.get(mentorId))?.value.name ?? 'A mentor';
  /** A recipient's name, for the access log when their message reads a young person's record. */
  const nameOf = async (personId: string) =>
    deps.journey.roles.coordinators.find((each) => each.id === personId)?.name ?? (await deps.journey.mentors.get(personId))?.value.name ?? 'A recipient';
  /** Who raised a concern, and how to reach them: the duty contact calls them back. */
  const raiser = async (personId: string) => {
    const [mentor, person] = await Promise.all([deps.journey.mentors.get(personId), deps.journey.directory.getPerson(personId).catch(() => undefined)]);
    return { name: mentor?.value.name ?? person?.name ?? 'Someone on the scheme', ...(person?.mail ? { contact: person.mail } : {}), ...(person?.phone ? { phone: person.phone } : {}) };
  };
  return {
    commitmentNudge: async (effect, message, transport) => {
      const match = await deps.matches.get(message.matchId);
      if (!match || match.mentorId !== effect.recipientId) return;
      const progress = await progressOf(deps, match);
      // Logged enough since the nudge was queued: nothing to remind them of.
      if (progress.month === message.month && progress.minutesThisMonth >= progress.expectedMinutes) return;
      await transport.send(effect.recipientId, commitmentNudgeCard(progress));
    },
    commitmentShortfall: async (effect, message, transport) => {
      const relationship = (await deps.relationships.get(message.matchId))?.value;
      if (!relationship || relationship.status !== 'active') return;
      const meetings = await deps.relationships.meetings(message.matchId);
      const months = [previousMonth(message.month), message.month];
      await transport.send(
        effect.recipientId,
        shortfallCard({ mentorName: await mentorName(relationship.mentorId), month: message.month, minutesByMonth: months.map((month) => [month, minutesInMonth(meetings, month)]) }),
      );
    },
    relationshipReview: async (effect, message, transport) => {
      const relationship = (await deps.relationships.get(message.matchId))?.value;
      if (!relationship || relationship.status !== 'active') return;
      const now = deps.journey.clock.now();
      const term = termStatus({ matchStartedAt: startedAt(relationship.startedOn, deps.policy.timeZone), now, timeZone: deps.policy.timeZone });
      const forCoordinator = effect.recipientId !== relationship.mentorId;
      const side = forCoordinator ? 'coordinator' : 'mentor';
      await transport.send(
        effect.recipientId,
        reviewCard({
          matchId: relationship.matchId,
          forCoordinator,
          mentorName: await mentorName(relationship.mentorId),
          monthsElapsed: term.monthsElapsed,
          answered: relationship.review?.[side] === 'continue',
        }),
      );
    },
    relationshipEnded: async (effect, message, transport) => {
      const relationship = (await deps.relationships.get(message.matchId))?.value;
      const ending = relationship?.ending;
      if (!relationship || !ending) return;
      // Whoever ended it already sees the outcome on the card they pressed.
      if (effect.recipientId === ending.endedBy.id) return;
      const forMentor = effect.recipientId === relationship.mentorId;
      const name = await mentorName(relationship.mentorId);
      const coordinator = deps.journey.roles.coordinators.find((each) => each.id === effect.recipientId);
      const youngPerson = await deps.matching.youngPersonContact(relationship, { id: effect.recipientId, name: forMentor ? name : (coordinator?.name ?? 'A coordinator') });
      const view = endedView(relationship, ending, { forMentor, mentorName: name, ...(youngPerson ? { youngPerson } : {}) });
      await transport.send(effect.recipientId, matchEndedCard(view));
    },
    feedbackRequest: async (effect, message, transport) => {
      const found = await feedbackFormFor(deps, { id: effect.recipientId, name: await nameOf(effect.recipientId) }, message.matchId);
      // Already given (or no longer theirs to give): nothing to ask.
      if (!found.ok || found.value.relationship.feedback?.[found.value.side]) return;
      const { relationship, side, mentorName, youngPerson } = found.value;
      const view = { matchId: relationship.matchId, side, mentorName, ...(youngPerson ? { youngPersonName: youngPerson.firstName, keyAdultName: youngPerson.keyAdult.name } : {}) };
      await transport.send(effect.recipientId, feedbackFormCard(view));
    },
    checkInDue: async (effect, message, transport) => {
      const relationship = (await deps.relationships.get(message.matchId))?.value;
      if (!relationship || relationship.status !== 'active') return;
      if (relationship.checkIns?.logged.some((each) => each.key === message.key)) return;
      await transport.send(effect.recipientId, checkInCard({ matchId: relationship.matchId, key: message.key, mentorName: await mentorName(relationship.mentorId), startedOn: relationship.startedOn }));
    },
    supportConcern: async (effect, message, transport) => {
      const concern = (await deps.concerns.get(message.concernId))?.value;
      if (!concern || concern.acknowledgedAt) return;
      const who = await raiser(concern.raisedBy);
      await transport.send(
        effect.recipientId,
        concernCard({ concern, mentorName: who.name, ...(who.contact ? { mentorContact: who.contact } : {}), ...(who.phone ? { mentorPhone: who.phone } : {}), reminder: message.reminder, canAcknowledge: true }),
        `concern.${concern.id}`,
      );
    },
    claimRejected: async (effect, message, transport) => {
      const claim = (await deps.relationships.getClaim(message.matchId, message.claimId))?.value;
      if (claim?.state !== 'rejected' || claim.mentorId !== effect.recipientId) return;
      await transport.send(effect.recipientId, claimRejectedCard(claim));
    },
    concernAcknowledged: async (effect, message, transport) => {
      const concern = (await deps.concerns.get(message.concernId))?.value;
      if (!concern?.acknowledgedBy) return;
      const by = (await deps.journey.directory.getPerson(concern.acknowledgedBy))?.name ?? 'The duty contact';
      if (effect.recipientId === concern.raisedBy) {
        await transport.send(effect.recipientId, concernPickedUpCard({ concern, acknowledgedByName: by }));
        return;
      }
      const card = concernCard({ concern, mentorName: (await raiser(concern.raisedBy)).name, reminder: false, acknowledgedByName: by, canAcknowledge: false });
      await transport.update(`concern.${concern.id}`, effect.recipientId, card);
    },
  };
}
