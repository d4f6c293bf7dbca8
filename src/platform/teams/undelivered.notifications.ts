import type { Directory, OutboundMessage } from '../app/ports.js';
import type { UndeliveredMessage, UndeliveredStore } from '../delivery/undelivered/undelivered.js';
import { undeliveredCard, type UndeliveredLine } from './cards/undelivered.card.js';
import type { Notifiers } from '../delivery/notifier.js';

/** The outage card is rendered from the list as stored when it goes, so a late send or an update shows it whole. */
export function undeliveredNotifiers(store: UndeliveredStore, directory: Directory): Notifiers {
  return {
    deliveryOutage: async (effect, message, transport) => {
      const lines = await undeliveredLinesFor(await store.listOutage(message.outageId), directory);
      if (lines.length > 0) await transport.send(effect.recipientId, undeliveredCard(message.outageId, lines), message.outageId);
    },
    deliveryOutageUpdate: async (effect, message, transport) => {
      const lines = await undeliveredLinesFor(await store.listOutage(message.outageId), directory);
      if (lines.length > 0) await transport.update(message.outageId, effect.recipientId, undeliveredCard(message.outageId, lines));
    },
  };
}

/** Names come from the directory; someone it no longer knows is said so. */
export async function undeliveredLinesFor(messages: readonly UndeliveredMessage[], directory: Directory): Promise<UndeliveredLine[]> {
  const names = new Map<string, string>();
  for (const id of new Set(messages.map((m) => m.effect.recipientId))) {
    names.set(id, (await directory.getPerson(id).catch(() => undefined))?.name ?? 'someone no longer in the directory');
  }
  return messages.map((m) => ({
    about: ABOUT[m.effect.message.type] ?? 'a scheme message',
    personName: names.get(m.effect.recipientId)!,
    code: m.code,
    technical: `${m.effect.message.type} to ${m.effect.recipientId}, ${m.failedAt}: ${m.code}, ${m.detail}`,
  }));
}

const ABOUT: Partial<Record<OutboundMessage['type'], string>> = {
  approvalRequest: 'a mentoring approval request',
  approvalDecided: 'the outcome of their mentoring request',
  approvalCardsUpdate: 'an update to an approval card',
  approverUnreachable: 'a note that their request could not reach their approver',
  coordinatorNotice: 'a notice for a coordinator',
  sessionOffer: 'an invitation to book sessions',
  sessionPromoted: 'a place off the waiting list',
  sessionReminder: 'a session reminder',
  sessionMoved: 'a session change',
  sessionCancelled: 'a session cancellation',
  sessionCalendarFailed: "a session calendar problem",
  cohortOffer: 'the dates of the next cohort, to book',
  rotaVisitAssigned: 'a Regulation 33 visit on the rota',
  rotaVisitReminder: 'a Regulation 33 visit reminder',
  askForProfile: 'a request to write their profile',
  matchRequest: 'a match request',
  matchStarted: 'the start of a match',
  matchNotice: 'a match answer',
  commitmentNudge: 'a reminder to log meetings',
  commitmentShortfall: 'a note on meeting time',
  relationshipReview: 'a relationship review',
  relationshipEnded: 'the end of a match',
  feedbackRequest: 'a request for feedback on a match',
  checkInDue: 'a reminder to check in with a mentor',
  supportConcern: 'a support concern',
  concernAcknowledged: 'an answer to a concern',
  claimRejected: 'a refused refreshment claim',
};
