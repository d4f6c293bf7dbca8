import { pauseMatch, resumeMatch, type Match } from '../domain/index.js';
import { changeYoungPersonStatus, editYoungPerson, newYoungPerson, parseYoungPeopleSearch, parseYoungPersonDetails, type YoungPerson, type YoungPersonEvent } from '../domain/young-people/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { AuditEntry } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { isRestricted, RESTRICTED_REFUSAL, withoutRestricted } from '../../platform/app/restricted-people.js';
import { youngPersonInput } from './form-input.js';
import type { MatchingDeps } from './matching-deps.js';
import type { RecordRead } from './matching-ports.js';

const NOT_FOUND = 'That young person is not on the scheme.';

function entry(actor: PersonRef, action: string, youngPerson: YoungPerson, before?: YoungPerson): AuditEntry {
  return {
    at: youngPerson.updatedAt,
    actor,
    action,
    subjectId: youngPerson.id,
    ...(before ? { fromStage: before.status } : {}),
    toStage: youngPerson.status,
  };
}

/** Adds a young person identified for the scheme, with the least data matching needs. */
export async function addYoungPerson(deps: MatchingDeps, actor: PersonRef, input: unknown): Promise<Result<YoungPerson>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const now = deps.journey.clock.now();
  const parsed = parseYoungPersonDetails(youngPersonInput(input), now, { areas: deps.areas });
  if (!parsed.ok) return parsed;
  const youngPerson = newYoungPerson(deps.newId(), parsed.value, now);
  await deps.youngPeople.commit({ youngPersonId: youngPerson.id, youngPerson: { value: youngPerson }, audit: [entry(actor, 'addYoungPerson', youngPerson)], effects: [] });
  return ok(youngPerson);
}

export async function editYoungPersonDetails(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, input: unknown): Promise<Result<YoungPerson>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const parsed = parseYoungPersonDetails(youngPersonInput(input), deps.journey.clock.now(), { areas: deps.areas });
  if (!parsed.ok) return parsed;
  if (await isRestricted(deps.journey.restricted, youngPersonId)) return fail('RESTRICTED', RESTRICTED_REFUSAL);
  return retryOnConflict(async () => {
    const current = await deps.youngPeople.get(youngPersonId, { reader: actor, purpose: 'edit' });
    if (!current) return fail('YOUNG_PERSON_NOT_FOUND', NOT_FOUND);
    if (current.value.status === 'closed') return fail('YOUNG_PERSON_CLOSED', 'This record is closed and can no longer be changed.');
    const edited = editYoungPerson(current.value, parsed.value, deps.journey.clock.now());
    await deps.youngPeople.commit({ youngPersonId, youngPerson: { value: edited, etag: current.etag }, audit: [entry(actor, 'editYoungPerson', edited, current.value)], effects: [] });
    return ok(edited);
  });
}

export type StatusCommand = Extract<YoungPersonEvent, 'pause' | 'resume' | 'close'>;

/**
 * Pause, resume or close a young person. A matched young person's match is not left running behind their back: pausing
 * them pauses the match (its commitment count stops), resuming restarts it, and closing is refused here, because the match
 * must end first (with its reason and its notices, in the relationship capability) and the record closes with it.
 */
export async function changeStatus(deps: MatchingDeps, actor: PersonRef, youngPersonId: string, event: StatusCommand): Promise<Result<YoungPerson>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  if (await isRestricted(deps.journey.restricted, youngPersonId)) return fail('RESTRICTED', RESTRICTED_REFUSAL);
  return retryOnConflict(async () => {
    const current = await deps.youngPeople.get(youngPersonId, { reader: actor, purpose: 'changeStatus' });
    if (!current) return fail('YOUNG_PERSON_NOT_FOUND', NOT_FOUND);
    if (current.value.status === 'matched') return changeMatchedStatus(deps, actor, current.value, event);
    const changed = changeYoungPersonStatus(current.value, event, deps.journey.clock.now());
    if (!changed.ok) return changed;
    await deps.youngPeople.commit({ youngPersonId, youngPerson: { value: changed.value, etag: current.etag }, audit: [entry(actor, event, changed.value, current.value)], effects: [] });
    return ok(changed.value);
  });
}

async function changeMatchedStatus(deps: MatchingDeps, actor: PersonRef, youngPerson: YoungPerson, event: StatusCommand): Promise<Result<YoungPerson>> {
  if (event === 'close') return fail('MATCH_RUNNING', `${youngPerson.firstName} has a match running. Press "Close" on their record again: the match is ended first, with a reason, and the mentor is told.`);
  const match = (await deps.youngPeople.matchesOf(youngPerson.id)).find((each) => each.value.status === 'active');
  if (!match) return fail('MATCH_NOT_FOUND', 'This match is no longer active.');
  const now = deps.journey.clock.now();
  const changed = event === 'pause' ? pauseMatch(match.value, now) : resumeMatch(match.value, now);
  if (!changed.ok) return changed;
  const audit: AuditEntry = { at: now.toISOString(), actor, action: event === 'pause' ? 'pauseMatch' : 'resumeMatch', subjectId: youngPerson.id, detail: match.value.id };
  await deps.youngPeople.commit({ youngPersonId: youngPerson.id, matchChange: { value: changed.value, etag: match.etag }, audit: [audit], effects: [] });
  return ok(youngPerson);
}

/** The young person's matches, running and ended, for the coordinator: dates and reasons, never shown to a next mentor. */
export async function matchesOfYoungPerson(deps: MatchingDeps, actor: PersonRef, youngPersonId: string): Promise<Result<Match[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  return ok((await deps.youngPeople.matchesOf(youngPersonId)).map((each) => each.value));
}

/** Those not closed, or only those waiting (for `match`): a record not listed is not read. */
export async function listYoungPeople(deps: MatchingDeps, actor: PersonRef, which: 'open' | 'waiting' = 'open'): Promise<Result<YoungPerson[]>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const found = await withoutRestricted(deps.journey.restricted, await deps.youngPeople.list({ reader: actor, purpose: 'list' }, which), (each) => each.value.id);
  return ok(found.map((each) => each.value).sort(firstInLine));
}

export interface YoungPeoplePage {
  /** The records shown on this page only: these, and no others, are read and logged. */
  readonly youngPeople: readonly YoungPerson[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/**
 * One page of those not closed, for a coordinator: ordered by the plain columns (waiting first, longest waiting first),
 * so only the page's records are read, logged together in one write, as a list is read a page at a time. A search
 * (first name, initials or reference) narrows the list in the store, from the record's search column, before paging.
 */
export async function youngPeoplePage(deps: MatchingDeps, actor: PersonRef, page: number, pageSize: number, search?: unknown): Promise<Result<YoungPeoplePage>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const wanted = parseYoungPeopleSearch(search);
  if (!wanted.ok) return wanted;
  const index = (await withoutRestricted(deps.journey.restricted, await deps.youngPeople.openIndex(wanted.value), (each) => each.youngPersonId)).sort(longestWaitingFirst);
  const pages = Math.max(1, Math.ceil(index.length / pageSize));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const ids = index.slice(current * pageSize, (current + 1) * pageSize).map((each) => each.youngPersonId);
  const read = new Map((await deps.youngPeople.getMany(ids, { reader: actor, purpose: 'list' })).map((each) => [each.value.id, each.value]));
  const youngPeople = ids.map((id) => read.get(id)).filter((each): each is YoungPerson => each !== undefined);
  return ok({ youngPeople, page: current, pages, total: index.length });
}

function longestWaitingFirst(a: { status: string; since: string; youngPersonId: string }, b: { status: string; since: string; youngPersonId: string }): number {
  const waiting = Number(b.status === 'waiting') - Number(a.status === 'waiting');
  return waiting || a.since.localeCompare(b.since) || a.youngPersonId.localeCompare(b.youngPersonId);
}

/** Who has read a record, newest first; reading this list is itself logged, as it names the record. */
export async function youngPersonReads(deps: MatchingDeps, actor: PersonRef, youngPersonId: string): Promise<Result<{ youngPerson: YoungPerson; reads: readonly RecordRead[] }>> {
  const found = await viewYoungPerson(deps, actor, youngPersonId);
  if (!found.ok) return found;
  return ok({ youngPerson: found.value, reads: await deps.youngPeople.readsOf(youngPersonId, 50) });
}

export async function viewYoungPerson(deps: MatchingDeps, actor: PersonRef, youngPersonId: string): Promise<Result<YoungPerson>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  if (await isRestricted(deps.journey.restricted, youngPersonId)) return fail('RESTRICTED', RESTRICTED_REFUSAL);
  const found = await deps.youngPeople.get(youngPersonId, { reader: actor, purpose: 'view' });
  return found ? ok(found.value) : fail('YOUNG_PERSON_NOT_FOUND', NOT_FOUND);
}

/** Who may open the form to add a young person: the coordinators. */
export function openYoungPersonForm(deps: MatchingDeps, actor: PersonRef): Result<PersonRef> {
  return requireCoordinator(deps.journey.roles, actor);
}

/** Those back on the list after a match ended early come first (report 3.8), then everyone in the order they joined. */
function firstInLine(a: YoungPerson, b: YoungPerson): number {
  if (a.returnedToListAt && b.returnedToListAt) return a.returnedToListAt.localeCompare(b.returnedToListAt);
  if (a.returnedToListAt) return -1;
  if (b.returnedToListAt) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}
