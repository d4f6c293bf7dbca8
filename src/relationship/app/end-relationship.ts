import { SYSTEM } from '../../platform/kernel/person.js';
import { advance, canAdvance, inStage, type JourneyEvent, type Mentor } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { endMatch, isEndReason, parseEndingForm, termStatus, type EndingForm, type EndingFormProblem, type EndReason, type MentorNext } from '../domain/index.js';
import type { Match } from '../../matching/domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { stageChange } from '../../journey/index.js';
import type { Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Relationship, RelationshipDeps, YoungPersonContact } from './relationship-ports.js';
import { asId, relationshipFor, startedAt } from './relationship-record.js';
import { withoutRestrictedMatches } from './restricted-matches.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

export interface EndRequest {
  readonly matchId: string;
  readonly reason: unknown;
  /** For the coordinator's record; optional. */
  readonly note?: unknown;
  /** Only the mentor chooses this; anyone else ending the match leaves the choice to them. */
  readonly mentorNext?: unknown;
  /** A coordinator closing the young person's record ends their match first: the record then closes, whatever the reason. */
  readonly closeRecord?: boolean;
}

const NOT_YOURS = 'Only the mentor in this match or a scheme coordinator can end it.';
const GONE = 'This match is not on record.';
const CLOSE_IS_COORDINATORS = "Only the scheme coordinators can close a young person's record.";

/** What the person ending a match is shown before they confirm: who is told, and who tells the young person. */
export interface EndingPreview {
  readonly match: Match;
  readonly forMentor: boolean;
  readonly form: EndingForm;
  readonly mentorName: string;
  readonly youngPerson?: YoungPersonContact;
  readonly monthsElapsed: number;
}

export type EndingCheck = { readonly ok: true; readonly value: EndingPreview } | { readonly ok: false; readonly problems: readonly EndingFormProblem[]; readonly error: { code: string; message: string } };

/** The form to end a match, for its mentor or a coordinator: whether it is the mentor's own (they also choose what next). */
export async function endingFormFor(deps: RelationshipDeps, actor: PersonRef, matchId: string, closeRecord = false): Promise<Result<{ forMentor: boolean; monthsElapsed: number }>> {
  const found = await matchActorMayEnd(deps, actor, matchId, closeRecord);
  if (!found.ok) return found;
  return ok({ forMentor: found.value.forMentor, monthsElapsed: monthsOf(deps, found.value.match) });
}

/** The matches an actor may end from "end match": a mentor's own; for a coordinator, every running match. */
export async function matchesToEnd(deps: RelationshipDeps, actor: PersonRef): Promise<Result<{ forMentor: boolean; matches: readonly { match: Match; mentorName: string }[] }>> {
  const own = await deps.matches.forMentor(actor.id);
  if (own.length > 0) return ok({ forMentor: true, matches: own.map((match) => ({ match, mentorName: actor.name })) });
  if (!deps.journey.roles.isCoordinator(actor.id)) return fail('NO_ACTIVE_MATCH', 'You have no active match to end.');
  const all = (await withoutRestrictedMatches(deps, await deps.matches.list())).sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const names = await Promise.all(all.map(async (match) => (await deps.journey.mentors.get(match.mentorId))?.value.name ?? 'A mentor'));
  return ok({ forMentor: false, matches: all.map((match, index) => ({ match, mentorName: names[index] ?? 'A mentor' })) });
}

/**
 * Checks a filled-in ending form and says what will happen, before anything changes: the confirmation comes first. It
 * reads the young person's record (logged) to name their key adult, who tells them.
 */
export async function previewEnding(deps: RelationshipDeps, actor: PersonRef, request: EndRequest): Promise<EndingCheck> {
  const found = await matchActorMayEnd(deps, actor, request.matchId, request.closeRecord === true);
  if (!found.ok) return { ok: false, problems: [], error: found.error };
  const { match, forMentor } = found.value;
  const monthsElapsed = monthsOf(deps, match);
  const form = parseEndingForm({ reason: request.reason, note: request.note, mentorNext: request.mentorNext }, { byMentor: forMentor, monthsElapsed });
  if (!form.ok) return { ok: false, problems: form.problems, error: { code: 'ENDING_FORM_INVALID', message: form.problems.map((each) => each.message).join(' ') } };
  const [mentor, youngPerson] = await Promise.all([deps.journey.mentors.get(match.mentorId), deps.matching.youngPersonContact(match, actor)]);
  return ok({ match, forMentor, form: form.value, mentorName: mentor?.value.name ?? 'The mentor', ...(youngPerson ? { youngPerson } : {}), monthsElapsed });
}

async function matchActorMayEnd(deps: RelationshipDeps, actor: PersonRef, matchId: string, closeRecord = false): Promise<Result<{ match: Match; forMentor: boolean }>> {
  if (closeRecord && !deps.journey.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', CLOSE_IS_COORDINATORS);
  const match = asId(matchId) ? await deps.matches.get(matchId) : undefined;
  if (!match || match.status !== 'active') return fail('MATCH_NOT_FOUND', 'This match is no longer active.');
  const refused = await restrictedRefusal(deps.journey.restricted, match.mentorId, match.youngPersonId);
  if (refused) return refused;
  const coordinator = deps.journey.roles.isCoordinator(actor.id);
  if (closeRecord && !coordinator) return fail('NOT_COORDINATOR', CLOSE_IS_COORDINATORS);
  // A coordinator closing the record acts as the coordinator, even on a match of their own.
  const forMentor = match.mentorId === actor.id && !closeRecord;
  if (!forMentor && !coordinator) return fail('NOT_IN_MATCH', NOT_YOURS);
  return ok({ match, forMentor });
}

function monthsOf(deps: RelationshipDeps, match: Match): number {
  const timeZone = deps.policy.timeZone;
  return termStatus({ matchStartedAt: startedAt(match.startedOn, timeZone), now: deps.journey.clock.now(), timeZone }).monthsElapsed;
}

/**
 * Ends a match (either side, at any time, with a reason and a note) or at the end of its term (the scheduled job). The
 * decision is one etag-guarded write of the relationship row with the messages it owes; then the matching side and the
 * mentor's journey are brought in line, and the scheduled job finishes that if this instance stops half way.
 */
export async function endRelationship(deps: RelationshipDeps, actor: PersonRef, request: EndRequest): Promise<Result<Relationship>> {
  if (request.closeRecord && !deps.journey.roles.isCoordinator(actor.id)) return fail('NOT_COORDINATOR', CLOSE_IS_COORDINATORS);
  if (!asId(request.matchId)) return fail('MATCH_NOT_FOUND', GONE);
  const match = await deps.matches.get(request.matchId);
  const existing = match ? undefined : await deps.relationships.get(request.matchId);
  if (!match) return existing?.value.status === 'ended' ? ok(existing.value) : fail('MATCH_NOT_FOUND', GONE);
  const refused = await restrictedRefusal(deps.journey.restricted, match.mentorId, match.youngPersonId);
  if (refused) return refused;
  const coordinator = actor !== SYSTEM && deps.journey.roles.isCoordinator(actor.id);
  if (request.closeRecord && !coordinator) return fail('NOT_COORDINATOR', CLOSE_IS_COORDINATORS);
  const isMentor = actor.id === match.mentorId && !request.closeRecord;
  if (!isMentor && actor !== SYSTEM && !coordinator) return fail('NOT_IN_MATCH', NOT_YOURS);
  const already = await deps.relationships.get(match.id);
  if (already?.value.status === 'ended') return ok(already.value);
  const byForm = actor === SYSTEM ? undefined : parseEndingForm({ reason: request.reason, note: request.note, mentorNext: request.mentorNext }, { byMentor: isMentor, monthsElapsed: monthsOf(deps, match) });
  if (byForm && !byForm.ok) return fail('ENDING_FORM_INVALID', byForm.problems.map((each) => each.message).join(' '));
  if (!byForm && !isEndReason(request.reason)) return fail('END_REASON_INVALID', 'Please choose why the match is ending.');
  const reason = (byForm?.value.reason ?? request.reason) as EndReason;
  const note = byForm?.value.note ?? '';
  const mentorNext = byForm?.value.mentorNext;
  const decided = await retryOnConflict(async (): Promise<Result<Relationship>> => {
    const current = await relationshipFor(deps, match);
    if (current.value.status === 'ended') return ok(current.value);
    const now = deps.journey.clock.now();
    const outcome = endMatch({
      reason,
      mentorNext: mentorNext ?? 'offerAgain',
      monthsElapsed: monthsOf(deps, match),
      endedBy: actor.id,
      at: now,
      ...(request.closeRecord ? { closeRecord: true } : {}),
    });
    if (!outcome.ok) return outcome;
    const ended: Relationship = {
      ...current.value,
      status: 'ended',
      ending: {
        reason,
        endedBy: actor,
        endedAt: now.toISOString(),
        youngPerson: outcome.value.youngPerson,
        ...(note ? { note } : {}),
        ...(request.closeRecord ? { closedRecord: true } : {}),
        ...(isMentor && mentorNext ? { mentorNext } : {}),
      },
    };
    const recipients = [match.mentorId, ...deps.journey.roles.coordinators.map((each) => each.id)];
    const effects: Effect[] = [...new Set(recipients)].map((recipient) => ({
      id: `${match.id}.ended.${recipient}`,
      recipientId: recipient,
      message: { type: 'relationshipEnded', matchId: match.id },
    }));
    // Short feedback from both sides (the young person's through their key adult, which the coordinator records); not
    // after a safeguarding decision, where the coordinator talks it through with the mentor instead.
    if (reason !== 'safeguardingDecision') {
      for (const recipient of new Set(recipients)) {
        effects.push({ id: `${match.id}.feedback.${recipient}`, recipientId: recipient, message: { type: 'feedbackRequest', matchId: match.id } });
      }
    }
    await deps.relationships.commit({
      matchId: match.id,
      relationship: { value: ended, etag: current.etag },
      audit: [{ at: now.toISOString(), actor, action: 'endRelationship', subjectId: match.id, detail: `${reason}.${outcome.value.youngPerson}` }],
      effects,
    });
    return ok(ended);
  });
  if (decided.ok) await settleEnding(deps, match.id);
  return decided;
}

/** Brings the matching side and the mentor's journey in line with an ending; each step checks first, so it can run again. */
export async function settleEnding(deps: RelationshipDeps, matchId: string): Promise<void> {
  const found = await deps.relationships.get(matchId);
  const ending = found?.value.ending;
  if (!found || found.value.status !== 'ended' || !ending || ending.settledAt) return;
  const relationship = found.value;
  const now = deps.journey.clock.now();
  const match = { id: relationship.matchId, mentorId: relationship.mentorId, youngPersonId: relationship.youngPersonId, startedOn: relationship.startedOn, status: 'active' as const };
  await deps.matching.endMatch(match, ending.youngPerson, ending.endedBy, now, ending.reason);
  const stillMatched = (await deps.matches.forMentor(relationship.mentorId)).length > 0;
  if (!stillMatched) await moveMentor(deps, ending.endedBy, relationship.mentorId, ['endMatch', ...nextEvents(ending.mentorNext)]);
  await retryOnConflict(async () => {
    const current = await deps.relationships.get(matchId);
    if (!current?.value.ending || current.value.ending.settledAt) return;
    const settled: Relationship = { ...current.value, ending: { ...current.value.ending, settledAt: deps.journey.clock.now().toISOString() } };
    await deps.relationships.commit({ matchId, relationship: { value: settled, etag: current.etag }, audit: [], effects: [] });
  });
}

/** After an ending that was not theirs, the mentor chooses: be matched again, or step down. Once. */
export async function chooseMentorNext(deps: RelationshipDeps, actor: PersonRef, matchId: string, next: unknown): Promise<Result<Relationship>> {
  if (next !== 'offerAgain' && next !== 'stepDown') return fail('MENTOR_NEXT_MISSING', 'Please choose to be matched again or to step down.');
  if (!asId(matchId)) return fail('MATCH_NOT_FOUND', GONE);
  const chosen = await retryOnConflict(async (): Promise<Result<Relationship>> => {
    const current = await deps.relationships.get(matchId);
    if (!current || current.value.mentorId !== actor.id) return fail('NOT_IN_MATCH', 'Only the mentor in this match can choose this.');
    const ending = current.value.ending;
    if (current.value.status !== 'ended' || !ending) return fail('MATCH_NOT_ENDED', 'This match has not ended.');
    if (ending.mentorNext) return ok(current.value);
    const now = deps.journey.clock.now();
    const value: Relationship = { ...current.value, ending: { ...ending, mentorNext: next } };
    await deps.relationships.commit({
      matchId,
      relationship: { value, etag: current.etag },
      audit: [{ at: now.toISOString(), actor, action: 'chooseMentorNext', subjectId: matchId, detail: next }],
      effects: [],
    });
    return ok(value);
  });
  if (chosen.ok && chosen.value.ending?.settledAt) await moveMentor(deps, actor, actor.id, nextEvents(chosen.value.ending.mentorNext));
  return chosen;
}

function nextEvents(next: MentorNext | undefined): JourneyEvent[] {
  return next === 'offerAgain' ? ['offerAgain'] : next === 'stepDown' ? ['withdraw'] : [];
}

/** Steps the mentor's journey through the events that still apply, with an audit entry each, in one write. */
async function moveMentor(deps: RelationshipDeps, actor: PersonRef, mentorId: string, events: readonly JourneyEvent[]): Promise<void> {
  await retryOnConflict(async () => {
    const current = await deps.journey.mentors.get(mentorId);
    if (!current) return;
    const now = deps.journey.clock.now();
    let mentor: Mentor = current.value;
    const audit = [];
    for (const event of events) {
      if (!canAdvance(mentor.stage, event)) continue;
      const stage = advance(mentor.stage, event);
      if (!stage.ok) continue;
      const next: Mentor = inStage(mentor, stage.value, now);
      audit.push(stageChange(actor, event, mentor, next, now));
      mentor = next;
    }
    if (audit.length === 0) return;
    await deps.journey.mentors.save({ value: mentor, etag: current.etag, audit, effects: [] });
  });
}
