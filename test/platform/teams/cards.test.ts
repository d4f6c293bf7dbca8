import { describe, expect, it } from 'vitest';
import { newMentor, submitSignUp, decideApproval, type Mentor } from '../../../src/journey/domain/index.js';
import { approvalOutcomeCard } from '../../../src/journey/teams/cards/approval-outcome.card.js';
import { approvalRequestCard } from '../../../src/journey/teams/cards/approval-request.card.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { approvalDecidedNoticeCard, approvalEscalatedCard, unreachableCard } from '../../../src/journey/teams/cards/coordinator-notice.card.js';
import { errorCard } from '../../../src/platform/teams/cards/error.card.js';
import { personalChatOnlyCard } from '../../../src/platform/teams/cards/personal-chat-only.card.js';
import { helpCard } from '../../../src/journey/teams/cards/help.card.js';
import { signUpFormCard } from '../../../src/journey/teams/cards/sign-up-form.card.js';
import { signUpSentCard } from '../../../src/journey/teams/cards/sign-up-sent.card.js';
import { statusCard } from '../../../src/journey/teams/cards/status.card.js';
import { bookingFacts } from '../../../src/sessions/teams/session-status.js';
import { welcomeCard } from '../../../src/journey/teams/cards/welcome.card.js';
import { cardProblems } from '../../support/card-check.js';
import { BROADCAST_CARDS } from '../../broadcast/teams/broadcast-cards.js';
import { MATCHING_CARDS } from '../../matching/teams/matching-cards.js';
import { RELATIONSHIP_CARDS } from '../../relationship/teams/relationship-cards.js';
import { PRIVACY_CARDS } from '../../privacy/teams/privacy-cards.js';
import { SESSION_CARDS, STATUS_BOOKINGS } from '../../sessions/teams/session-cards.js';
import { COHORT_CARDS } from '../../sessions/teams/cohort-cards.js';
import { ROTA_CARDS } from '../../sessions/teams/rota-cards.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const interested = newMentor({ id: 'a', name: 'Alex [x](http://evil) **bold**' }, { manager: { id: 'm', name: 'Megan' }, jobTitle: 'Head' }, NOW);
const awaiting = must(
  submitSignUp(interested, { role: 'seniorManager', directorateOrWard: 'Finance', jobTitle: 'Head', worksInChildrensServices: false, motivation: '# Heading\n- list' }, [], 'r1', NOW),
);
const approved = must(decideApproval(awaiting, 'r1', { id: 'm', name: 'Megan' }, 'approve', undefined, NOW));
const declined = must(decideApproval(awaiting, 'r1', { id: 'm', name: 'Megan' }, 'decline', 'Not now', NOW));

function must(result: { ok: true; value: Mentor } | { ok: false; error: { message: string } }): Mentor {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Every card the bot can send, in each of its states. Add new cards here. */
export const CARDS: Array<[string, AdaptiveCardJson]> = [
  ['welcome', welcomeCard()],
  ['error', errorCard('Something failed')],
  ['personal chat only (asked in a channel)', personalChatOnlyCard()],
  ['help, new person', helpCard({ mentor: undefined, isCoordinator: false })],
  ['help, coordinator', helpCard({ mentor: approved, isCoordinator: true })],
  ['status, nobody', statusCard(undefined)],
  ['status, awaiting', statusCard(awaiting)],
  ['status, with sessions booked and waiting', statusCard(approved, bookingFacts(STATUS_BOOKINGS))],
  ['sign-up form', signUpFormCard(interested)],
  ['sign-up form with a problem', signUpFormCard(interested, 'Please consent')],
  ['sign-up sent', signUpSentCard(awaiting)],
  ['approval request for the approver', approvalRequestCard(awaiting, { canDecide: true })],
  ['approval request, reminder', approvalRequestCard(awaiting, { canDecide: true, reminder: true })],
  ['approval request, read-only', approvalRequestCard(awaiting, { canDecide: false })],
  ['approval request, approved', approvalRequestCard(approved, { canDecide: false })],
  ['approval outcome, approved', approvalOutcomeCard(approved)],
  ['approval outcome, declined', approvalOutcomeCard(declined)],
  ['coordinator: decided', approvalDecidedNoticeCard(approved)],
  ['coordinator: escalated', approvalEscalatedCard(awaiting)],
  ['coordinator: unreachable', unreachableCard('Megan', 'blocked', 'a request')],
  ...MATCHING_CARDS,
  ...RELATIONSHIP_CARDS,
  ...SESSION_CARDS,
  ...COHORT_CARDS,
  ...ROTA_CARDS,
  ...BROADCAST_CARDS,
  ...PRIVACY_CARDS,
];

describe('every card the bot sends', () => {
  it.each(CARDS)('%s parses as an Adaptive Card 1.5 without problems', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(CARDS)('%s shows what people typed as text, never as Markdown', (_name, card) => {
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/"type":"TextBlock"/);
  });
});
