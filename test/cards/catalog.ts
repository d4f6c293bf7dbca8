import { newMentor, submitSignUp, decideApproval, type Mentor } from '../../src/journey/domain/index.js';
import { approvalOutcomeCard } from '../../src/journey/teams/cards/approval-outcome.card.js';
import { approvalRequestCard } from '../../src/journey/teams/cards/approval-request.card.js';
import { approverUnreachableCard } from '../../src/journey/teams/cards/approver-unreachable.card.js';
import { command, type AdaptiveCardJson } from '../../src/platform/teams/cards/card.js';
import { approvalDecidedNoticeCard, approvalEscalatedCard, unreachableCard } from '../../src/journey/teams/cards/coordinator-notice.card.js';
import { errorCard } from '../../src/platform/teams/cards/error.card.js';
import { personalChatOnlyCard } from '../../src/platform/teams/cards/personal-chat-only.card.js';
import { undeliveredCard } from '../../src/platform/teams/cards/undelivered.card.js';
import { helpCard } from '../../src/journey/teams/cards/help.card.js';
import { signUpFormCard } from '../../src/journey/teams/cards/sign-up-form.card.js';
import { signUpSentCard } from '../../src/journey/teams/cards/sign-up-sent.card.js';
import { statusCard } from '../../src/journey/teams/cards/status.card.js';
import { welcomeCard } from '../../src/journey/teams/cards/welcome.card.js';
import { bookingFacts } from '../../src/sessions/teams/session-status.js';
import { bookSession, confirmedBookings, openSession, type Session } from '../../src/sessions/domain/index.js';
import { coordinatorSessionsCard } from '../../src/sessions/teams/cards/coordinator-sessions.card.js';
import { attendanceCard } from '../../src/sessions/teams/cards/attendance.card.js';
import { claimsCard } from '../../src/relationship/teams/cards/claims.card.js';
import { submitClaim, type RefreshmentClaim } from '../../src/relationship/domain/index.js';
import { youngPeopleListCard } from '../../src/matching/teams/cards/young-person.card.js';
import { dbsListCard } from '../../src/matching/teams/cards/dbs.card.js';
import { pipelineCard } from '../../src/matching/teams/cards/pipeline.card.js';
import { workspaceLinks } from '../../src/platform/teams/workspace-link.js';
import { youngPerson } from '../matching/domain/fixtures.js';
import { BROADCAST_CARDS } from '../broadcast/teams/broadcast-cards.js';
import { MATCHING_CARDS } from '../matching/teams/matching-cards.js';
import { RELATIONSHIP_CARDS } from '../relationship/teams/relationship-cards.js';
import { SESSION_CARDS, STATUS_BOOKINGS } from '../sessions/teams/session-cards.js';
import { COHORT_CARDS as SESSION_COHORT_CARDS } from '../sessions/teams/cohort-cards.js';
import { ROTA_CARDS } from '../sessions/teams/rota-cards.js';
import { PRIVACY_CARDS } from '../privacy/teams/privacy-cards.js';
import { noCohortOpenCard } from '../../src/sessions/teams/cards/no-cohort-open.card.js';
import { invitationAnswerCard } from '../../src/sessions/teams/cards/invitation-answer.card.js';
import { broadcastMessageCard } from '../../src/broadcast/teams/cards/broadcast-message.card.js';
import { broadcastProgressCard } from '../../src/broadcast/teams/cards/broadcast.card.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const interested = newMentor({ id: 'a', name: 'Alex [x](http://evil) **bold**' }, { manager: { id: 'm', name: 'Megan' }, jobTitle: 'Head' }, NOW);
const awaiting = must(
  submitSignUp(interested, { role: 'seniorManager', directorateOrWard: 'Finance', jobTitle: 'Head', worksInChildrensServices: false, motivation: '# Heading\n- list' }, [], 'r1', NOW),
);
const approved = must(decideApproval(awaiting, 'r1', { id: 'm', name: 'Megan' }, 'approve', undefined, NOW));
const declined = must(decideApproval(awaiting, 'r1', { id: 'm', name: 'Megan' }, 'decline', 'Not now', NOW));

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Thirty names of the kind a cohort has, long ones included. */
const COHORT = Array.from({ length: 30 }, (_, i) => `${['Alex', 'Megan', 'Isaiah', 'Patti', 'Grady', 'Lidia', 'Nestor', 'Adele', 'Johanna', 'Christopher-James'][i % 10]} ${['Wilber', 'Bowen', 'Langer', 'Fernandez', 'Archie', 'Holloway', 'Wilke', 'Vance', 'Lorenz', 'Featherstonehaugh'][(i * 3) % 10]}`);

function cohortSession(id: string, startsAt: string, title: string): Session {
  const open = openSession({
    id,
    kind: 'training',
    title,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 7 * 3_600_000).toISOString(),
    timeZone: 'Europe/London',
    location: { type: 'inPerson', venue: 'Town Hall, Committee Room 2' },
    seats: 30,
    bookingClosesAt: new Date(Date.parse(startsAt) - 86_400_000).toISOString(),
  });
  return COHORT.reduce((session, name, i) => must(bookSession(session, { id: `p-${i}`, name }, 'approved', new Date('2026-10-01T10:00:00Z'))).session, open);
}

const pastSession = cohortSession('cohort-2026-information', '2026-10-20T09:00:00.000Z', 'Mentoring scheme information session');
const cohortTraining = cohortSession('cohort-2026-training', '2026-11-30T09:30:00.000Z', 'Mentoring scheme full-day training');
const supervision = cohortSession('supervision-2027-q1', '2027-01-18T14:00:00.000Z', 'Group supervision, 2027 Q1');

const monthOfClaims: RefreshmentClaim[] = Array.from({ length: 45 }, (_, i) =>
  submitClaim(
    { amountPence: 350 + i * 17, purpose: i % 3 === 0 ? 'Coffee and a sandwich at the library café' : 'Two hot chocolates', note: '' },
    { id: `claim-${i}`, matchId: `match-${i % 30}`, mentorId: `p-${i % 30}`, date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, now: NOW },
  ),
);
const cohortNames = new Map(COHORT.map((name, i) => [`p-${i}`, name]));
const cohortMentors: Mentor[] = COHORT.map((name, i) => ({ ...newMentor({ id: `p-${i}`, name }, {}, NOW), stage: 'trained' }));

/** The attendance card for a cohort: eight past sessions in the picker, the chosen one with 30 booked and 12 ticked. */
const cohortRegister = (() => {
  const chosen: Session = { ...pastSession, bookings: pastSession.bookings.map((b, i) => ({ ...b, attended: i < 12 })) };
  const older = Array.from({ length: 7 }, (_, i) => ({ ...pastSession, id: `past-${i}`, title: `Mentor supervision group ${i + 1}`, startsAt: new Date(Date.parse(pastSession.startsAt) - (i + 1) * 3 * 86_400_000).toISOString() }));
  return { sessions: [chosen, ...older], chosen, booked: confirmedBookings(chosen) };
})();

/** The deep links the coordinator's cards carry in Teams (a Teams app id set). */
const WORKSPACE = workspaceLinks({ teamsAppId: '8f3c2a10-5b7e-4c1d-9a2b-3c4d5e6f7a8b', port: 3978 });

/** Cards at the size a cohort of 30 makes them: the height budget is judged on these. */
const COHORT_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['cohort: coordinator sessions, 3 sessions of 30 (one past)', coordinatorSessionsCard([{ session: pastSession }, { session: cohortTraining }, { session: supervision }], NOW)],
  ['cohort: attendance, 30 booked, 12 ticked, picker of 8 sessions', attendanceCard(cohortRegister)],
  ['cohort: claims, a month of 45', claimsCard({ month: '2026-11', claims: monthOfClaims, mentorNames: cohortNames, workspaceUrl: WORKSPACE('claims') })],
  ['cohort: young people list, 30', youngPeopleListCard(COHORT.map((name, i) => youngPerson({ id: `yp-${i}`, reference: `LC-${1000 + i}`, firstName: name.split(' ')[0]! })), NOW)],
  ['cohort: DBS list, 30 lacking', dbsListCard(cohortMentors.map((mentor) => ({ mentor, status: 'missing' as const })))],
  [
    'cohort: pipeline, 30 trained unmatched',
    pipelineCard({
      mentorsByStage: { interested: 4, awaitingApproval: 6, approved: 3, declined: 1, booked: 8, trained: 30, profileComplete: 12, matched: 9, active: 9, ended: 2, withdrawn: 1 },
      trainedUnmatched: cohortMentors.map((mentor, i) => ({ mentor, hasProfile: i % 2 === 0, dbsCleared: i % 3 === 0 })),
      youngPeopleByStatus: { waiting: 21, paused: 2, matched: 9, closed: 1 },
      waiting: { count: 21, longestDays: 64 },
    }, { workspaceUrl: WORKSPACE('overview') }),
  ],
  [
    'cohort: undelivered after an outage, 30 people',
    undeliveredCard(
      'outage-1',
      COHORT.map((name, i) => ({ about: 'a session reminder', personName: name, code: i % 2 ? 'BOT_BLOCKED' : 'NOT_INSTALLED', technical: `sessionReminder to p-${i}: 403 Forbidden (BotDisabledByAdmin)` })),
    ),
  ],
];

/** A member workshop, one seat, someone booked and someone waiting: what its invitation's answers are shown on. */
const workshop: Session = {
  ...cohortSession('session-workshop', '2027-01-20T14:00:00.000Z', 'CPB and Children in Care Council workshop [x](http://evil)'),
  kind: 'memberWorkshop',
};
const WORKSHOP_SUMMARY = { id: workshop.id, title: workshop.title, startsAt: workshop.startsAt, endsAt: workshop.endsAt, timeZone: 'Europe/London', where: 'Town Hall', answer: 'book' as const };
const INVITATION_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['workshop: invitation with Book and Can\'t make it', broadcastMessageCard({ text: 'Members are invited: please take a place.', session: WORKSHOP_SUMMARY }, { bookVerb: 'bookSession', declineVerb: 'declineSession' })],
  ['workshop: answer, booked', invitationAnswerCard({ session: workshop }, { kind: 'booked' }, NOW, true)],
  ['workshop: answer, waiting list', invitationAnswerCard({ session: workshop }, { kind: 'waiting', position: 3 }, NOW, true)],
  ['workshop: answer, can\'t make it, place given up', invitationAnswerCard({ session: workshop }, { kind: 'declined', gaveUp: 'place' }, NOW, true)],
  ['workshop: answer, refused', invitationAnswerCard({ session: workshop }, { kind: 'refused', message: 'This session has already started, so answers are closed.' }, NOW, true)],
  [
    'workshop: invitation report with answers',
    broadcastProgressCard({
      broadcast: { id: 'b1', createdBy: { id: 'c', name: 'Isaiah' }, createdAt: NOW.toISOString(), content: { text: 'Members are invited.', session: WORKSHOP_SUMMARY }, audienceLabel: '51 named people', total: 51, reportTo: 'c' },
      progress: { total: 51, sent: 51, failed: 0, remaining: 0, failures: [] },
      finished: true,
      failures: [],
      answers: { booked: 30, cantMakeIt: 12, noAnswer: 9 },
    }),
  ],
];

/** Every card the bot can send, in each of its states. Add new cards here. */
export const CARDS: Array<[string, AdaptiveCardJson]> = [
  ['welcome', welcomeCard()],
  ['error', errorCard('Something failed')],
  ['error, coordinators only, with the way on as a button', errorCard('That is for the scheme coordinators.', 'Coordinators only', [command('See the sessions you can book', 'sessions')])],
  ['personal chat only (asked in a channel)', personalChatOnlyCard()],
  ['help, new person', helpCard({ mentor: undefined, isCoordinator: false })],
  ['help, coordinator', helpCard({ mentor: approved, isCoordinator: true })],
  ['help, Data Protection Officer', helpCard({ mentor: undefined, isCoordinator: false, isDataProtectionOfficer: true })],
  ['help, coordinator and Data Protection Officer', helpCard({ mentor: approved, isCoordinator: true, isDataProtectionOfficer: true })],
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
  ['approver unreachable, to the applicant', approverUnreachableCard(awaiting, 'Megan *Bowen*')],
  ['coordinator: decided', approvalDecidedNoticeCard(approved)],
  ['coordinator: escalated', approvalEscalatedCard(awaiting)],
  ['coordinator: unreachable', unreachableCard('Megan', 'blocked', 'a request')],
  ...MATCHING_CARDS,
  ...RELATIONSHIP_CARDS,
  ...SESSION_CARDS,
  ...SESSION_COHORT_CARDS,
  ...ROTA_CARDS,
  ...BROADCAST_CARDS,
  ...PRIVACY_CARDS,
  ['cohorts: no cohort open, to each coordinator', noCohortOpenCard({ lastCohort: '2026 cohort', waiting: 14 })],
  ['cohorts: no cohort open, none ever opened', noCohortOpenCard({ waiting: 0 })],
  ...INVITATION_CARDS,
  ...COHORT_CARDS,
];

/**
 * Cards the bot sends on its own (not as the answer to something the person just did), with the words their
 * notification must carry: who it is about and what is asked. Teams shows the summary on the phone and in the chat list.
 */
export const PROACTIVE: Record<string, readonly string[]> = {
  'approval request for the approver': ['Alex', 'approv'],
  'approval request, reminder': ['Alex', 'approv'],
  'approval outcome, approved': ['approved'],
  'approval outcome, declined': ['declined'],
  'approver unreachable, to the applicant': ['could not reach', 'Megan'],
  'coordinator: decided': ['Alex'],
  'coordinator: escalated': ['Alex'],
  'coordinator: unreachable': ['Megan'],
  'profile form, empty': ['profile'],
  'match request to the mentor': ['match'],
  'match started, with contacts': ['match'],
  'match notice, accepted': ['Alex'],
  'match notice, declined': ['Alex'],
  'commitment nudge': ['month'],
  'coordinator: two months under': ['Alex'],
  'six-month review': ['review'],
  'match ended, mentor to choose': ['ended'],
  'concern to the duty contact': ['Alex'],
  'concern reminder': ['Alex'],
  'claim rejected, to the mentor': ['claim'],
  'concern picked up, to the mentor': ['Megan'],
  'sessions: booking card, approved on approval': ['approved', 'book'],
  'sessions: reminder': ['Mentoring scheme information session'],
  'sessions: promoted': ['place'],
  'sessions: moved': ['moved'],
  'sessions: cancelled': ['cancelled'],
  'sessions: calendar failed, access denied': ['calendar'],
  'broadcast: announcement': ['mentoring scheme'],
  'broadcast: session invitation with Book': ['Information session'],
  'supervision: invitation': ['supervision'],
  'cohort: undelivered after an outage, 30 people': ['30'],
  'cohorts: no cohort open, to each coordinator': ['cohort', 'open'],
  'cohorts: no cohort open, none ever opened': ['cohort', 'open'],
  "workshop: invitation with Book and Can't make it": ['invitation', 'workshop'],
};
