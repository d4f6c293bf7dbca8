import type { PersonRef } from '../../platform/kernel/person.js';
import { monthOfDate, submitClaim, validateMeetingLog } from '../domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { advanceMentorIfAllowed } from '../../journey/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { progressOf, type RelationshipProgress } from './progress.js';
import type { RelationshipDeps, StoredMeeting } from './relationship-ports.js';
import { mentorsMatch, relationshipFor, startedAt } from './relationship-record.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

/** The form carries an id made when the form was drawn: the same submit twice is the same meeting. */
const LOG_ID = /^[A-Za-z0-9-]{8,64}$/;

export const NO_ACTIVE_MATCH = 'You have no active match, so there is no meeting to log. If you think you should have one, ask the scheme coordinator.';

export interface MeetingLogged {
  readonly meeting: StoredMeeting;
  /** False when this submit repeated one already stored: nothing new was written. */
  readonly written: boolean;
  readonly progress: RelationshipProgress;
}

/** Checks first, then one transaction: the meeting and its refreshment claim, with the audit entry. Never written twice. */
export async function logMeeting(deps: RelationshipDeps, actor: PersonRef, data: unknown): Promise<Result<MeetingLogged>> {
  const form = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const logId = typeof form.logId === 'string' && LOG_ID.test(form.logId) ? form.logId : undefined;
  if (!logId) return fail('MEETING_FORM_INVALID', 'This form is out of date. Please type "log meeting" to get a new one.');
  const match = await mentorsMatch(deps, actor.id, form.matchId);
  if (!match) return fail('NO_ACTIVE_MATCH', NO_ACTIVE_MATCH);
  const refused = await restrictedRefusal(deps.journey.restricted, match.mentorId, match.youngPersonId);
  if (refused) return refused;
  const earlier = await deps.relationships.getMeeting(match.id, logId);
  if (earlier) return ok({ meeting: earlier, written: false, progress: await progressOf(deps, match) });
  const now = deps.journey.clock.now();
  const entry = validateMeetingLog(form, {
    now,
    matchStartedAt: startedAt(match.startedOn, deps.policy.timeZone),
    timeZone: deps.policy.timeZone,
    claimPolicy: deps.policy.claims,
  });
  if (!entry.ok) return entry;
  const claim = entry.value.refreshment
    ? submitClaim(entry.value.refreshment, { id: `${logId}.claim`, matchId: match.id, mentorId: actor.id, date: entry.value.date, now })
    : undefined;
  const meeting: StoredMeeting = {
    id: logId,
    matchId: match.id,
    mentorId: actor.id,
    date: entry.value.date,
    minutes: entry.value.minutes,
    mode: entry.value.mode,
    focus: entry.value.focus,
    ...(claim ? { claimId: claim.id } : {}),
    loggedAt: now.toISOString(),
  };
  const at = now.toISOString();
  const month = monthOfDate(meeting.date);
  // The meeting, its claim and the month's running total in one transaction: a repeated id fails it whole (no-op).
  const { written } = await retryOnConflict(async () => {
    const relationship = await relationshipFor(deps, match);
    const minutesByMonth = { ...relationship.value.minutesByMonth, [month]: (relationship.value.minutesByMonth?.[month] ?? 0) + meeting.minutes };
    return deps.relationships.commit({
      matchId: match.id,
      relationship: { value: { ...relationship.value, minutesByMonth }, etag: relationship.etag },
      meeting,
      ...(claim ? { claim: { value: claim } } : {}),
      audit: [
        { at, actor, action: 'logMeeting', subjectId: match.id, detail: logId },
        ...(claim ? [{ at, actor, action: 'submitClaim', subjectId: match.id, detail: claim.id }] : []),
      ],
      effects: [],
    });
  });
  // The first meeting moves the mentor from "matched" to "mentoring" (active).
  if (written) await advanceMentorIfAllowed(deps.journey, actor, 'recordFirstMeeting');
  const stored = written ? meeting : ((await deps.relationships.getMeeting(match.id, logId)) ?? meeting);
  return ok({ meeting: stored, written, progress: await progressOf(deps, match) });
}
