import { SYSTEM } from '../../platform/kernel/person.js';
import type { Match } from '../../matching/domain/index.js';
import {
  checkInDue,
  isCoordinatorAlertDue,
  localDateOf,
  isNudgeDue,
  monthOf,
  previousMonth,
  termStatus,
} from '../domain/index.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { endRelationship, settleEnding } from './end-relationship.js';
import type { Relationship, RelationshipDeps } from './relationship-ports.js';
import { pausesOf, relationshipFor, startedAt } from './relationship-record.js';

export interface FollowUpReport {
  readonly nudges: number;
  readonly alerts: number;
  readonly reviews: number;
  readonly ended: number;
  readonly settled: number;
}

/**
 * The scheduled pass over every relationship, safe on many instances at once: each decision is recorded in the
 * relationship row ("nudged for 2026-11", "coordinator told about 2026-10", "review asked") in the same etag-guarded
 * transaction as the message it queues, so a second instance gets a 412, re-reads, finds it done, and queues nothing.
 */
export async function followUpRelationships(deps: RelationshipDeps): Promise<FollowUpReport> {
  const report = { nudges: 0, alerts: 0, reviews: 0, ended: 0, settled: 0 };
  const restricted = await deps.journey.restricted.restrictedIds();
  for (const match of await deps.matches.list()) {
    if (restricted.has(match.mentorId.toLowerCase()) || restricted.has(match.youngPersonId.toLowerCase())) continue;
    const outcome = await followUpOne(deps, match);
    report.nudges += outcome.nudge ? 1 : 0;
    report.alerts += outcome.alert ? 1 : 0;
    report.reviews += outcome.review ? 1 : 0;
    if (outcome.endDue) {
      const ended = await endRelationship(deps, SYSTEM, { matchId: match.id, reason: 'termComplete' });
      if (ended.ok) report.ended += 1;
    }
  }
  for (const { value } of await deps.relationships.list()) {
    if (value.status === 'ended' && value.ending && !value.ending.settledAt) {
      await settleEnding(deps, value.matchId);
      report.settled += 1;
    }
  }
  return report;
}

interface OneOutcome {
  nudge: boolean;
  alert: boolean;
  review: boolean;
  endDue: boolean;
}

async function followUpOne(deps: RelationshipDeps, match: Match): Promise<OneOutcome> {
  return retryOnConflict(async () => {
    const current = await relationshipFor(deps, match);
    const relationship = current.value;
    const none = { nudge: false, alert: false, review: false, endDue: false };
    if (relationship.status !== 'active') return none;
    const now = deps.journey.clock.now();
    const timeZone = deps.policy.timeZone;
    const matchStartedAt = startedAt(match.startedOn, timeZone);
    const pauses = pausesOf(match);
    const minutes = new Map(Object.entries(relationship.minutesByMonth ?? {}));
    const month = monthOf(now, timeZone);
    const lastFinished = previousMonth(month);
    const term = termStatus({ matchStartedAt, now, reviewRecorded: relationship.review?.recordedAt !== undefined, timeZone });
    const nudge =
      !relationship.nudgedMonths.includes(month) &&
      isNudgeDue({ now, matchStartedAt, pauses, minutesThisMonth: minutes.get(month) ?? 0, daysBeforeMonthEnd: deps.policy.nudgeDaysBeforeMonthEnd, timeZone });
    const alert = !relationship.alertedMonths.includes(lastFinished) && isCoordinatorAlertDue({ now, matchStartedAt, pauses, minutesByMonth: minutes, timeZone });
    const review = term.reviewDue && relationship.review?.askedAt === undefined;
    const checkIn = checkInDue(match.startedOn, localDateOf(now, timeZone));
    const checkInKey = checkIn && !(relationship.checkIns?.prompted ?? []).includes(checkIn.key) ? checkIn.key : undefined;
    if (!nudge && !alert && !review && !checkInKey) return { ...none, endDue: term.endDue };
    const at = now.toISOString();
    const effects: Effect[] = [];
    const audit: AuditEntry[] = [];
    let next: Relationship = relationship;
    if (nudge) {
      next = { ...next, nudgedMonths: keepRecent([...next.nudgedMonths, month]) };
      effects.push({ id: `${match.id}.nudge.${month}`, recipientId: match.mentorId, message: { type: 'commitmentNudge', matchId: match.id, month } });
      audit.push({ at, actor: SYSTEM, action: 'commitmentNudge', subjectId: match.id, detail: month });
    }
    if (alert) {
      next = { ...next, alertedMonths: keepRecent([...next.alertedMonths, lastFinished]) };
      for (const coordinator of deps.journey.roles.coordinators) {
        effects.push({
          id: `${match.id}.shortfall.${lastFinished}.${coordinator.id}`,
          recipientId: coordinator.id,
          message: { type: 'commitmentShortfall', matchId: match.id, month: lastFinished },
        });
      }
      audit.push({ at, actor: SYSTEM, action: 'commitmentShortfall', subjectId: match.id, detail: lastFinished });
    }
    if (review) {
      next = { ...next, review: { ...next.review, askedAt: at } };
      for (const recipient of [match.mentorId, ...deps.journey.roles.coordinators.map((each) => each.id)]) {
        effects.push({ id: `${match.id}.review.${recipient}`, recipientId: recipient, message: { type: 'relationshipReview', matchId: match.id } });
      }
      audit.push({ at, actor: SYSTEM, action: 'askReview', subjectId: match.id });
    }
    if (checkInKey) {
      const checkIns = next.checkIns ?? { prompted: [], logged: [] };
      next = { ...next, checkIns: { ...checkIns, prompted: [...checkIns.prompted, checkInKey].slice(-24) } };
      for (const coordinator of deps.journey.roles.coordinators) {
        effects.push({ id: `${match.id}.checkin.${checkInKey}.${coordinator.id}`, recipientId: coordinator.id, message: { type: 'checkInDue', matchId: match.id, key: checkInKey } });
      }
      audit.push({ at, actor: SYSTEM, action: 'checkInDue', subjectId: match.id, detail: checkInKey });
    }
    await deps.relationships.commit({ matchId: match.id, relationship: { value: next, etag: current.etag }, audit, effects });
    return { nudge, alert, review, endDue: term.endDue };
  });
}

/** The months kept in a row are only those a decision may still look at. */
function keepRecent(months: readonly string[]): string[] {
  return [...new Set(months)].sort().slice(-24);
}
