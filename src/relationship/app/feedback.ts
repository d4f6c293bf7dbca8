import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { parseFeedback, type FeedbackProblem, type FeedbackSide } from '../domain/index.js';
import type { Relationship, RelationshipDeps, YoungPersonContact } from './relationship-ports.js';
import { asId } from './relationship-record.js';

/** Who gives which feedback on an ended match: the mentor their own; a coordinator the young person's, through their key adult. */
export interface FeedbackForm {
  readonly relationship: Relationship;
  readonly side: FeedbackSide;
  readonly mentorName: string;
  readonly youngPerson?: YoungPersonContact;
}

export type FeedbackOutcome =
  | { readonly ok: true; readonly value: { readonly relationship: Relationship; readonly side: FeedbackSide; readonly repeated: boolean } }
  | { readonly ok: false; readonly problems: readonly FeedbackProblem[]; readonly error: { readonly code: string; readonly message: string } };

async function sideOf(deps: RelationshipDeps, actor: PersonRef, matchId: unknown): Promise<Result<{ relationship: Relationship; side: FeedbackSide }>> {
  const id = asId(matchId);
  const found = id ? await deps.relationships.get(id) : undefined;
  if (!found) return fail('MATCH_NOT_FOUND', 'This match is not on record.');
  const side: FeedbackSide | undefined = found.value.mentorId === actor.id ? 'mentor' : deps.journey.roles.isCoordinator(actor.id) ? 'youngPerson' : undefined;
  if (!side) return fail('NOT_IN_MATCH', "Only the match's mentor, or a coordinator for the young person, can give feedback on it.");
  if (found.value.status !== 'ended') return fail('MATCH_NOT_ENDED', 'Feedback is asked for once the match has ended.');
  return ok({ relationship: found.value, side });
}

/** The feedback form for an ended match. For the young person's side it names them and their key adult (a logged read). */
export async function feedbackFormFor(deps: RelationshipDeps, actor: PersonRef, matchId: unknown): Promise<Result<FeedbackForm>> {
  const found = await sideOf(deps, actor, matchId);
  if (!found.ok) return found;
  const { relationship, side } = found.value;
  // Only the young person's side needs their name and key adult: the mentor's form reads nothing of their record.
  const [mentor, youngPerson] = await Promise.all([
    deps.journey.mentors.get(relationship.mentorId),
    side === 'youngPerson' ? deps.matching.youngPersonContact(relationship, actor) : undefined,
  ]);
  return ok({ relationship, side, mentorName: mentor?.value.name ?? 'The mentor', ...(youngPerson ? { youngPerson } : {}) });
}

/** Keeps one side's feedback, once: the first answer stands, and a second press changes nothing. */
export async function recordFeedback(deps: RelationshipDeps, actor: PersonRef, matchId: unknown, input: Readonly<Record<string, unknown>>): Promise<FeedbackOutcome> {
  const found = await sideOf(deps, actor, matchId);
  if (!found.ok) return { ok: false, problems: [], error: found.error };
  const { side } = found.value;
  const parsed = parseFeedback(input, side);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, error: { code: 'FEEDBACK_INVALID', message: parsed.problems.map((each) => each.message).join(' ') } };
  return retryOnConflict(async (): Promise<FeedbackOutcome> => {
    const current = await deps.relationships.get(found.value.relationship.matchId);
    if (!current) return { ok: false, problems: [], error: { code: 'MATCH_NOT_FOUND', message: 'This match is not on record.' } };
    if (current.value.feedback?.[side]) return { ok: true, value: { relationship: current.value, side, repeated: true } };
    const at = deps.journey.clock.now().toISOString();
    const value: Relationship = { ...current.value, feedback: { ...current.value.feedback, [side]: { ...parsed.value, at, by: actor } } };
    await deps.relationships.commit({
      matchId: value.matchId,
      relationship: { value, etag: current.etag },
      audit: [{ at, actor, action: 'recordFeedback', subjectId: value.matchId, detail: side }],
      effects: [],
    });
    return { ok: true, value: { relationship: value, side, repeated: false } };
  });
}

export interface FeedbackReportRow {
  readonly matchId: string;
  readonly mentorName: string;
  readonly endedAt: string;
  readonly reason: NonNullable<Relationship['ending']>['reason'];
  readonly feedback: NonNullable<Relationship['feedback']>;
}

/** The coordinator's report: ended matches, newest first, with what each side said. No young person's record is read. */
export async function feedbackReport(deps: RelationshipDeps, actor: PersonRef): Promise<Result<readonly FeedbackReportRow[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const ended = (await deps.relationships.list()).flatMap(({ value }) => (value.status === 'ended' && value.ending ? [{ value, ending: value.ending }] : []));
  ended.sort((a, b) => b.ending.endedAt.localeCompare(a.ending.endedAt));
  const rows = await Promise.all(
    ended.map(async ({ value, ending }) => ({
      matchId: value.matchId,
      mentorName: (await deps.journey.mentors.get(value.mentorId))?.value.name ?? 'A mentor',
      endedAt: ending.endedAt,
      reason: ending.reason,
      feedback: value.feedback ?? {},
    })),
  );
  return ok(rows);
}
