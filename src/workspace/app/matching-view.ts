import { listYoungPeople, putMentors, suggestMentors } from '../../matching/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface Shortlist {
  readonly reference: string;
  readonly suggestions: readonly { readonly mentorId: string; readonly mentorName: string; readonly score: number; readonly reasons: readonly string[] }[];
  readonly excluded: readonly { readonly mentorName: string; readonly reasons: readonly string[] }[];
}

/** Young people waiting for a mentor, by reference (each record listed is logged as read). */
export async function waitingForMatch(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<{ id: string; reference: string }[]>> {
  const listed = await listYoungPeople(deps.matching, actor, 'waiting');
  return listed.ok ? ok(listed.value.map((youngPerson) => ({ id: youngPerson.id, reference: youngPerson.reference }))) : listed;
}

/** The ranked shortlist with its reasons and the exclusions, from the matching use case the `match` card uses. */
export async function shortlist(deps: WorkspaceDeps, actor: PersonRef, youngPersonId: string): Promise<Result<Shortlist>> {
  const suggested = await suggestMentors(deps.matching, actor, youngPersonId);
  if (!suggested.ok) return suggested;
  const { youngPerson, ranking } = suggested.value;
  return ok({
    reference: youngPerson.reference,
    suggestions: ranking.suggestions.map((each) => ({ mentorId: each.mentorId, mentorName: each.mentorName, score: each.score, reasons: each.reasons.map((part) => part.reason) })),
    excluded: ranking.excluded.map((each) => ({ mentorName: each.mentorName, reasons: each.reasons.map((reason) => reason.message) })),
  });
}

/** Puts the chosen mentors (up to three, the use case decides) to the young person. */
export async function putForward(deps: WorkspaceDeps, actor: PersonRef, youngPersonId: string, body: unknown): Promise<Result<{ proposalId: string }>> {
  // Who may is checked before what was sent, so anyone else gets 403 whatever the body.
  const allowed = requireCoordinator(deps.sessions.roles, actor);
  if (!allowed.ok) return allowed;
  const mentorIds = (body as { mentorIds?: unknown } | undefined)?.mentorIds;
  if (!Array.isArray(mentorIds) || !mentorIds.every((id) => typeof id === 'string')) return fail('PUT_FORWARD_INVALID', 'Choose the mentors to put forward, then try again.');
  const put = await putMentors(deps.matching, actor, youngPersonId, mentorIds);
  return put.ok ? ok({ proposalId: put.value.proposal.id }) : put;
}
