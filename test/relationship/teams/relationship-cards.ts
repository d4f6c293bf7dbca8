import { summaryCard } from '../../../src/relationship/teams/cards/summary.card.js';
import { claimsCard, claimsCsvCard, claimRejectedCard } from '../../../src/relationship/teams/cards/claims.card.js';
import { endMatchConfirmCard, endMatchFormCard, matchEndedCard, matchesToEndCard } from '../../../src/relationship/teams/cards/match-ending.card.js';
import { myMatchCard } from '../../../src/relationship/teams/cards/my-match.card.js';
import { feedbackFormCard, feedbackReportCard, feedbackThanksCard } from '../../../src/relationship/teams/cards/feedback.card.js';
import { checkInCard } from '../../../src/relationship/teams/cards/check-in.card.js';
import { reviewCard } from '../../../src/relationship/teams/cards/review.card.js';
import { commitmentNudgeCard, shortfallCard } from '../../../src/relationship/teams/cards/commitment.card.js';
import { meetingFormCard, meetingLoggedCard } from '../../../src/relationship/teams/cards/meeting.card.js';
import type { RelationshipProgress } from '../../../src/relationship/app/progress.js';
import { submitClaim, summariseMonth, termStatus, raiseConcern, type RefreshmentClaim } from '../../../src/relationship/domain/index.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { concernCard, concernPickedUpCard, concernRaisedCard, supportFormCard } from '../../../src/relationship/teams/cards/support.card.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const STARTED = new Date('2026-05-01T00:00:00Z');
const hostile = 'Coffee [x](http://evil) **bold** # not a heading';
const progress: RelationshipProgress = {
  matchId: 'm-1',
  month: '2026-11',
  minutesThisMonth: 60,
  expectedMinutes: 90,
  term: termStatus({ matchStartedAt: STARTED, now: NOW }),
  meetingsLogged: 3,
  counted: true,
};
const submitted = submitClaim({ amountPence: 2_450, purpose: hostile, note: '- a list' }, { id: 'c-1', matchId: 'm-1', mentorId: 'a', date: '2026-11-02', now: NOW });
const approved: RefreshmentClaim = { ...submitted, id: 'c-2', state: 'approved', decidedBy: 'Isaiah' };
const paid: RefreshmentClaim = { ...submitted, id: 'c-3', state: 'paid', decidedBy: 'Isaiah', paidBy: 'Isaiah', paidAt: NOW };
const names = new Map([['a', 'Alex *Wilber*']]);
const urgent = raiseConcern({ id: 'k-1', matchId: 'm-1', raisedBy: 'a', urgency: 'urgent safeguarding', at: NOW });
const support = raiseConcern({ id: 'k-2', matchId: 'm-1', raisedBy: 'a', urgency: 'support', at: NOW });
const summary = summariseMonth({
  month: '2026-11',
  asOf: NOW,
  matches: [{ matchId: 'm-1', mentorId: 'a', startedAt: STARTED }],
  meetings: [{ matchId: 'm-1', date: '2026-11-02', minutes: 60 }],
  claims: [submitted, paid],
});

/** Every card the relationship feature sends, in each of its states; cards.test.ts parses them all. */
export const RELATIONSHIP_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['meeting form', meetingFormCard({ matchId: 'm-1', logId: 'log-12345678', today: '2026-11-20' })],
  ['meeting form with a problem and what was typed', meetingFormCard({ matchId: 'm-1', logId: 'log-12345678', today: '2026-11-20', problem: 'Too long', values: { minutes: '45', focus: hostile, refreshmentAmount: '4.50' } })],
  ['meeting logged', meetingLoggedCard(progress, { repeated: false, claim: { amountPence: 450 } })],
  ['meeting already logged', meetingLoggedCard(progress, { repeated: true })],
  ['commitment nudge', commitmentNudgeCard(progress)],
  ['my match', myMatchCard({ progress, startedOn: '2026-05-01' })],
  ['meeting logged, first part month', meetingLoggedCard({ ...progress, counted: false, uncounted: 'firstMonth', countsFrom: '2026-12' }, { repeated: false })],
  ['meeting logged, paused', meetingLoggedCard({ ...progress, counted: false, uncounted: 'paused' }, { repeated: false })],
  ['coordinator: two months under', shortfallCard({ mentorName: 'Alex *Wilber*', month: '2026-10', minutesByMonth: [['2026-09', 30], ['2026-10', 0]] })],
  ['six-month review', reviewCard({ matchId: 'm-1', forCoordinator: false, mentorName: 'Alex', monthsElapsed: 6 })],
  ['six-month review, answered', reviewCard({ matchId: 'm-1', forCoordinator: true, mentorName: 'Alex', monthsElapsed: 6, answered: true })],
  ['end form, mentor', endMatchFormCard({ matchId: 'm-1', forMentor: true, monthsElapsed: 2, values: { note: hostile }, problems: [{ field: 'reason', message: 'Please choose' }, { field: 'mentorNext', message: 'Please say' }] })],
  ['end form, coordinator', endMatchFormCard({ matchId: 'm-1', forMentor: false, monthsElapsed: 7 })],
  ['end form, closing the record', endMatchFormCard({ matchId: 'm-1', forMentor: false, monthsElapsed: 1, closeRecord: true })],
  ['end confirmation, mentor', endMatchConfirmCard({ match: { id: 'm-1', mentorId: 'a', youngPersonId: 'y', startedOn: '2026-05-01', status: 'active' }, forMentor: true, form: { reason: 'relationshipBrokeDown', note: hostile, mentorNext: 'offerAgain' }, mentorName: 'Alex', youngPerson: { firstName: 'Jay', reference: 'LC-1', keyAdult: { name: 'Sam *Smith*', role: 'personalAdviser', contact: '07700 900123' } }, monthsElapsed: 2 }, false)],
  ['end confirmation, coordinator closing', endMatchConfirmCard({ match: { id: 'm-1', mentorId: 'a', youngPersonId: 'y', startedOn: '2026-05-01', status: 'active' }, forMentor: false, form: { reason: 'youngPersonNoLongerWants', note: '' }, mentorName: 'Alex', monthsElapsed: 2 }, true)],
  ['match ended, mentor to choose', matchEndedCard({ matchId: 'm-1', reason: 'relationshipBrokeDown', endedByName: 'Isaiah', youngPersonNext: 'returnToMatchingList', forMentor: true, mentorName: 'Alex' })],
  ['match ended, chosen', matchEndedCard({ matchId: 'm-1', reason: 'termComplete', endedByName: 'Mentoring scheme bot', youngPersonNext: 'noFurtherMatch', forMentor: false, mentorNext: 'stepDown', mentorName: 'Alex', note: hostile, closedRecord: true })],
  ['feedback form, mentor, refused', feedbackFormCard({ matchId: 'm-1', side: 'mentor', mentorName: 'Alex', values: { comment: hostile }, problems: [{ field: 'howItWent', message: 'Please say' }, { field: 'again', message: 'Please say' }] })],
  ['feedback form, the young person through their key adult', feedbackFormCard({ matchId: 'm-1', side: 'youngPerson', mentorName: 'Alex *Wilber*', youngPersonName: 'Jay', keyAdultName: 'Sam Patel' })],
  ['feedback thanks', feedbackThanksCard({ side: 'mentor', repeated: false })],
  ['feedback already recorded', feedbackThanksCard({ side: 'youngPerson', repeated: true })],
  ['feedback report', feedbackReportCard(Array.from({ length: 12 }, (_, i) => ({ matchId: `m-${i}`, mentorName: 'Alex *Wilber*', endedAt: '2026-12-28T10:00:00.000Z', reason: 'relationshipBrokeDown' as const, feedback: { mentor: { howItWent: 'mixed' as const, again: 'yes' as const, comment: hostile, at: '2026-12-28T10:00:00.000Z', by: { id: 'a', name: 'Alex' } } } })))],
  ['feedback report, none', feedbackReportCard([])],
  ['check-in due', checkInCard({ matchId: 'm-1', key: 'week2', mentorName: 'Alex *Wilber*', startedOn: '2026-11-01' })],
  ['check-in logged', checkInCard({ matchId: 'm-1', key: 'month3', mentorName: 'Alex', startedOn: '2026-11-01', loggedBy: 'Isaiah', loggedAt: '2027-02-01T10:00:00.000Z' })],
  ['matches to end', matchesToEndCard(Array.from({ length: 12 }, (_, i) => ({ matchId: `m-${i}`, mentorName: 'Alex *Wilber*', startedOn: '2026-11-01' })))],
  ['claims', claimsCard({ month: '2026-11', claims: [submitted, approved, paid], mentorNames: names, problem: 'A paid claim cannot be changed' })],
  ['claims, more than a card holds', claimsCard({ month: '2026-11', claims: Array.from({ length: 45 }, (_, i) => ({ ...submitted, id: `c-${i}` })), mentorNames: names })],
  ['claims, none', claimsCard({ month: '2026-12', claims: [], mentorNames: names })],
  ['claims CSV', claimsCsvCard({ month: '2026-11', csv: 'Claim,Date\r\nc-1,2026-11-02\r\n', count: 1 })],
  ['claims CSV, part 2 of 3', claimsCsvCard({ month: '2026-11', csv: 'c-9,2026-11-30\r\n', count: 400, part: 2, parts: 3 })],
  ['monthly summary', summaryCard({ summary, mentorNames: names })],
  ['support form', supportFormCard({ concernId: 'k-12345678', matchId: 'm-1', contacts: { dutyLine: '0300 555 0100', serviceManager: { name: 'Patti', contact: '0300 555 0199' } } })],
  ['support form, no numbers configured', supportFormCard({ concernId: 'k-12345678', contacts: {} })],
  ['concern raised, urgent', concernRaisedCard(urgent, { dutyLine: '0300 555 0100', serviceManager: { name: 'Patti', contact: '0300 555 0199' } })],
  ['support asked', concernRaisedCard(support, {})],
  ['concern to the duty contact', concernCard({ concern: urgent, mentorName: 'Alex', mentorContact: 'alex@example.org', mentorPhone: '07700 900456', reminder: false, canAcknowledge: true })],
  ['concern reminder', concernCard({ concern: urgent, mentorName: 'Alex', reminder: true, canAcknowledge: true })],
  ['concern acknowledged', concernCard({ concern: { ...urgent, acknowledgedAt: NOW, acknowledgedBy: 'b' }, mentorName: 'Alex', reminder: false, acknowledgedByName: 'Megan', canAcknowledge: false })],
  ['claim rejected, to the mentor', claimRejectedCard({ ...submitted, state: 'rejected', rejectionReason: hostile })],
  ['concern picked up, to the mentor', concernPickedUpCard({ concern: urgent, acknowledgedByName: 'Megan *Bowen*' })],
];
