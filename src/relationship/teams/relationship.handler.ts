import { summaryCard } from './cards/summary.card.js';
import { csvParts } from './cards/csv-parts.js';
import { claimsCard, claimsCsvCard } from './cards/claims.card.js';
import type { WorkspaceLink } from '../../platform/teams/workspace-link.js';
import { endMatchConfirmCard, endMatchFormCard, matchEndedCard, matchesToEndCard } from './cards/match-ending.card.js';
import { endedView } from './ended-view.js';
import { thisMonthWords } from './cards/month-count.js';
import { myMatchCard } from './cards/my-match.card.js';
import { feedbackFormCard, feedbackReportCard, feedbackThanksCard } from './cards/feedback.card.js';
import { checkInCard } from './cards/check-in.card.js';
import { feedbackFormFor, feedbackReport, recordFeedback, type FeedbackForm } from '../app/feedback.js';
import { logCheckIn } from '../app/check-ins.js';
import { reviewCard } from './cards/review.card.js';
import { meetingFormCard, meetingLoggedCard } from './cards/meeting.card.js';
import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { randomUUID } from 'node:crypto';
import { claimsForMonth, decideClaim, exportClaims } from '../app/claims.js';
import { chooseMentorNext, endingFormFor, endRelationship, matchesToEnd, previewEnding } from '../app/end-relationship.js';
import { logMeeting, NO_ACTIVE_MATCH } from '../app/log-meeting.js';
import { progressOf } from '../app/progress.js';
import type { Relationship, RelationshipDeps } from '../app/relationship-ports.js';
import { asId, mentorsMatch, startedAt } from '../app/relationship-record.js';
import { answerReview } from '../app/review.js';
import { monthlySummary } from '../app/summary.js';
import { acknowledgeConcern, raiseConcern } from '../app/support.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { localDateOf, monthOf, termStatus } from '../domain/index.js';
import type { Logger } from '../../log.js';
import type { AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { concernCard, concernRaisedCard, supportFormCard } from './cards/support.card.js';

type Reply = (card: AdaptiveCardJson) => Promise<void>;

function record(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** Thin handlers: who is acting comes from Teams, the rest from the card; each calls one use case and shows a card. */
export function relationshipHandlers(deps: RelationshipDeps, log: Logger, workspace?: WorkspaceLink) {
  const today = () => localDateOf(deps.journey.clock.now(), deps.policy.timeZone);
  const thisMonth = () => monthOf(deps.journey.clock.now(), deps.policy.timeZone);

  const meetingForm = async (actor: PersonRef, data: unknown, reply: Reply): Promise<void> => {
    const match = await mentorsMatch(deps, actor.id, record(data).matchId);
    if (!match) return reply(errorCard(NO_ACTIVE_MATCH, 'No active match'));
    return reply(meetingFormCard({ matchId: match.id, logId: randomUUID(), today: today() }));
  };

  const supportForm = async (actor: PersonRef, data: unknown, reply: Reply): Promise<void> => {
    const match = await mentorsMatch(deps, actor.id, record(data).matchId);
    return reply(supportFormCard({ concernId: randomUUID(), contacts: deps.contacts, ...(match ? { matchId: match.id } : {}) }));
  };

  const claims = async (actor: PersonRef, month: unknown, reply: Reply, problem?: string): Promise<void> => {
    const found = await claimsForMonth(deps, actor, month);
    if (!found.ok) return reply(errorCard(found.error.message));
    return reply(claimsCard({ ...found.value, ...(problem ? { problem } : {}), ...(workspace ? { workspaceUrl: workspace('claims') } : {}) }));
  };

  const endForm = async (actor: PersonRef, data: Record<string, unknown>, reply: Reply): Promise<void> => {
    const matchId = asId(data.matchId) ?? '';
    const closeRecord = data.closeRecord === true;
    const form = await endingFormFor(deps, actor, matchId, closeRecord);
    if (!form.ok) return reply(errorCard(form.error.message));
    // "Go back" on the confirmation brings what was chosen with it.
    return reply(endMatchFormCard({ matchId, forMentor: form.value.forMentor && !closeRecord, monthsElapsed: form.value.monthsElapsed, closeRecord, values: data }));
  };

  /** The ended match as the person who pressed sees it (the others are told by the notifier). */
  const endedCard = async (relationship: Relationship, actor: PersonRef): Promise<AdaptiveCardJson> => {
    const ending = relationship.ending;
    if (!ending) return errorCard('This match has not ended.');
    const forMentor = actor.id === relationship.mentorId && !ending.closedRecord;
    const [mentor, youngPerson] = await Promise.all([deps.journey.mentors.get(relationship.mentorId), deps.matching.youngPersonContact(relationship, actor)]);
    return matchEndedCard(endedView(relationship, ending, { forMentor, mentorName: mentor?.value.name ?? 'The mentor', ...(youngPerson ? { youngPerson } : {}) }));
  };

  const feedbackView = (form: FeedbackForm) => ({
    matchId: form.relationship.matchId,
    side: form.side,
    mentorName: form.mentorName,
    ...(form.youngPerson ? { youngPersonName: form.youngPerson.firstName, keyAdultName: form.youngPerson.keyAdult.name } : {}),
  });

  const monthArgument = (context: Turn): string => /(\d{4}-\d{2})/.exec(context.text ?? '')?.[1] ?? thisMonth();

  return {
    /** Lines on "my status" for a mentor with an active match. */
    statusFacts: async (personId: string): Promise<Array<[string, string]>> => {
      const match = await mentorsMatch(deps, personId);
      if (!match) return [];
      const progress = await progressOf(deps, match);
      return [
        ['This month', thisMonthWords(progress)],
        ['Months matched', `${progress.term.monthsElapsed} (at least ${progress.term.minimumMonths}, at most ${progress.term.maximumMonths})`],
      ];
    },
    /** "my match": the mentor's relationship card. */
    myMatchCommand: async (context: Turn, actor: PersonRef) => {
      const match = await mentorsMatch(deps, actor.id);
      if (!match) return void (await sendCard(context, errorCard(NO_ACTIVE_MATCH, 'No active match')));
      await sendCard(context, myMatchCard({ progress: await progressOf(deps, match), startedOn: match.startedOn }));
    },
    logMeetingCommand: (context: Turn, actor: PersonRef) => meetingForm(actor, {}, async (card) => void (await sendCard(context, card))),
    meetingForm: (context: Turn, actor: PersonRef, data: unknown) => meetingForm(actor, data, (card) => answerInvoke(context, card)),

    logMeeting: async (context: Turn, actor: PersonRef, data: unknown) => {
      const logged = await logMeeting(deps, actor, data);
      if (logged.ok) {
        const claim = logged.value.meeting.claimId ? await deps.relationships.getClaim(logged.value.meeting.matchId, logged.value.meeting.claimId) : undefined;
        return answerInvoke(context, meetingLoggedCard(logged.value.progress, { repeated: !logged.value.written, ...(claim ? { claim: claim.value } : {}) }));
      }
      log.info({ code: logged.error.code }, 'meeting log refused');
      const form = record(data);
      const match = await mentorsMatch(deps, actor.id, form.matchId);
      if (!match || typeof form.logId !== 'string' || logged.error.code === 'MEETING_FORM_INVALID') return answerInvoke(context, errorCard(logged.error.message));
      await answerInvoke(context, meetingFormCard({ matchId: match.id, logId: form.logId, today: today(), problem: logged.error.message, values: form }));
    },

    supportCommand: (context: Turn, actor: PersonRef) => supportForm(actor, {}, async (card) => void (await sendCard(context, card))),
    supportForm: (context: Turn, actor: PersonRef, data: unknown) => supportForm(actor, data, (card) => answerInvoke(context, card)),

    raiseConcern: async (context: Turn, actor: PersonRef, data: unknown) => {
      const raised = await raiseConcern(deps, actor, data);
      if (!raised.ok) return answerInvoke(context, errorCard(raised.error.message));
      log.info({ concernId: raised.value.id, urgency: raised.value.urgency }, 'support concern raised');
      await answerInvoke(context, concernRaisedCard(raised.value, deps.contacts));
    },

    acknowledgeConcern: async (context: Turn, actor: PersonRef, data: unknown) => {
      const acknowledged = await acknowledgeConcern(deps, actor, record(data).concernId);
      if (!acknowledged.ok) return answerInvoke(context, errorCard(acknowledged.error.message));
      const concern = acknowledged.value;
      const [mentor, by] = await Promise.all([deps.journey.mentors.get(concern.raisedBy), concern.acknowledgedBy ? deps.journey.directory.getPerson(concern.acknowledgedBy) : undefined]);
      await answerInvoke(
        context,
        concernCard({ concern, mentorName: mentor?.value.name ?? 'A mentor', reminder: false, ...(by ? { acknowledgedByName: by.name } : {}), canAcknowledge: false }),
      );
    },

    answerReview: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      const answered = await answerReview(deps, actor, String(form.matchId ?? ''), form.answer);
      if (!answered.ok) return answerInvoke(context, errorCard(answered.error.message));
      const mentor = await deps.journey.mentors.get(answered.value.mentorId);
      const term = termStatus({ matchStartedAt: startedAt(answered.value.startedOn, deps.policy.timeZone), now: deps.journey.clock.now(), timeZone: deps.policy.timeZone });
      await answerInvoke(
        context,
        reviewCard({ matchId: answered.value.matchId, forCoordinator: actor.id !== answered.value.mentorId, mentorName: mentor?.value.name ?? 'The mentor', monthsElapsed: term.monthsElapsed, answered: true }),
      );
    },

    endForm: async (context: Turn, actor: PersonRef, data: unknown) => endForm(actor, record(data), (card) => answerInvoke(context, card)),

    /** "end match": the mentor's own match, or for a coordinator the running matches to choose from. */
    endMatchCommand: async (context: Turn, actor: PersonRef) => {
      const send = async (card: AdaptiveCardJson) => void (await sendCard(context, card));
      const found = await matchesToEnd(deps, actor);
      if (!found.ok) return send(errorCard(found.error.message, 'No active match'));
      const [only] = found.value.matches;
      if (found.value.forMentor && only) return endForm(actor, { matchId: only.match.id }, send);
      return send(matchesToEndCard(found.value.matches.map(({ match, mentorName }) => ({ matchId: match.id, mentorName, startedOn: match.startedOn }))));
    },

    /** The form comes back with its problems, or the confirmation; only a confirmed request ends the match. */
    endMatch: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      const request = { matchId: String(form.matchId ?? ''), reason: form.reason, note: form.note, mentorNext: form.mentorNext, closeRecord: form.closeRecord === true };
      if (form.confirmed !== true) {
        const checked = await previewEnding(deps, actor, request);
        if (checked.ok) return answerInvoke(context, endMatchConfirmCard(checked.value, request.closeRecord));
        log.info({ code: checked.error.code }, 'end of match refused');
        if (!checked.problems.length) return answerInvoke(context, errorCard(checked.error.message));
        const shown = await endingFormFor(deps, actor, request.matchId, request.closeRecord);
        if (!shown.ok) return answerInvoke(context, errorCard(shown.error.message));
        const forMentor = shown.value.forMentor && !request.closeRecord;
        return answerInvoke(context, endMatchFormCard({ matchId: request.matchId, forMentor, monthsElapsed: shown.value.monthsElapsed, values: form, problems: checked.problems, closeRecord: request.closeRecord }));
      }
      const ended = await endRelationship(deps, actor, request);
      if (!ended.ok) {
        log.info({ code: ended.error.code }, 'end of match refused');
        return answerInvoke(context, errorCard(ended.error.message));
      }
      await answerInvoke(context, await endedCard(ended.value, actor));
    },

    mentorNext: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      const chosen = await chooseMentorNext(deps, actor, String(form.matchId ?? ''), form.next);
      if (!chosen.ok) return answerInvoke(context, errorCard(chosen.error.message));
      await answerInvoke(context, await endedCard(chosen.value, actor));
    },

    feedbackForm: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = await feedbackFormFor(deps, actor, record(data).matchId);
      if (!form.ok) return answerInvoke(context, errorCard(form.error.message));
      await answerInvoke(context, feedbackFormCard(feedbackView(form.value)));
    },

    giveFeedback: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      const recorded = await recordFeedback(deps, actor, form.matchId, form);
      if (recorded.ok) return answerInvoke(context, feedbackThanksCard({ side: recorded.value.side, repeated: recorded.value.repeated }));
      log.info({ code: recorded.error.code }, 'feedback refused');
      const shown = recorded.problems.length ? await feedbackFormFor(deps, actor, form.matchId) : undefined;
      if (!shown?.ok) return answerInvoke(context, errorCard(recorded.error.message));
      await answerInvoke(context, feedbackFormCard({ ...feedbackView(shown.value), values: form, problems: recorded.problems }));
    },

    feedbackCommand: async (context: Turn, actor: PersonRef) => {
      const report = await feedbackReport(deps, actor);
      await sendCard(context, report.ok ? feedbackReportCard(report.value) : errorCard(report.error.message));
    },

    logCheckIn: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      const logged = await logCheckIn(deps, actor, form.matchId, form.key);
      if (!logged.ok) return answerInvoke(context, errorCard(logged.error.message));
      const { relationship, key } = logged.value;
      const entry = relationship.checkIns?.logged.find((each) => each.key === key);
      const mentor = await deps.journey.mentors.get(relationship.mentorId);
      await answerInvoke(
        context,
        checkInCard({ matchId: relationship.matchId, key, mentorName: mentor?.value.name ?? 'the mentor', startedOn: relationship.startedOn, ...(entry ? { loggedBy: entry.by.name, loggedAt: entry.at } : {}) }),
      );
    },

    claimsCommand: (context: Turn, actor: PersonRef) => claims(actor, monthArgument(context), async (card) => void (await sendCard(context, card))),
    claimsForMonth: (context: Turn, actor: PersonRef, data: unknown) => claims(actor, record(data).month, (card) => answerInvoke(context, card)),

    decideClaim: async (context: Turn, actor: PersonRef, data: unknown) => {
      const form = record(data);
      // Each claim's reason box has an id of its own (a card may list many): "reason:<claim id>".
      const reason = form.reason ?? (typeof form.claimId === 'string' ? form[`reason:${form.claimId}`] : undefined);
      const decided = await decideClaim(deps, actor, { matchId: form.matchId, claimId: form.claimId, decision: form.decision, reason });
      if (!decided.ok) log.info({ code: decided.error.code }, 'claim decision refused');
      await claims(actor, form.month ?? (decided.ok ? decided.value.date.slice(0, 7) : thisMonth()), (card) => answerInvoke(context, card), decided.ok ? undefined : decided.error.message);
    },

    exportClaims: async (context: Turn, actor: PersonRef, data: unknown) => {
      const exported = await exportClaims(deps, actor, record(data).month);
      if (!exported.ok) return answerInvoke(context, errorCard(exported.error.message));
      log.info({ month: exported.value.month, count: exported.value.count }, 'claims exported');
      const parts = csvParts(exported.value.csv);
      await answerInvoke(context, claimsCsvCard({ ...exported.value, csv: parts[0] ?? '', part: 1, parts: parts.length }));
      for (const [index, csv] of parts.slice(1).entries()) {
        await sendCard(context, claimsCsvCard({ ...exported.value, csv, part: index + 2, parts: parts.length }));
      }
    },

    summaryCommand: async (context: Turn, actor: PersonRef) => {
      const summary = await monthlySummary(deps, actor, monthArgument(context));
      await sendCard(context, summary.ok ? summaryCard(summary.value) : errorCard(summary.error.message));
    },
  };
}
