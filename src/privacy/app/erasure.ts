import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Versioned } from '../../platform/app/ports.js';
import type { Tombstone } from '../domain/index.js';
import { requireDataProtectionOfficer } from './privacy-authority.js';
import type { PrivacyDeps } from './privacy-ports.js';
import { subjectOf, type SubjectRef } from './subject-access-requests.js';

/**
 * Erasure (Art. 17), DPO only. The tombstone is written first with whom it is about, so a crash midway is finished by
 * the next call or the daily job; when done it keeps that an erasure happened, when and by whom, and nothing else.
 */
export async function erasePerson(deps: PrivacyDeps, actor: PersonRef, ref: SubjectRef): Promise<Result<Tombstone>> {
  const allowed = requireDataProtectionOfficer(deps, actor);
  if (!allowed.ok) return allowed;
  const subject = await subjectOf(deps, actor, ref);
  if (!subject.ok) return subject;
  if (await deps.personalData.hasActiveMatch(subject.value)) {
    return fail('ACTIVE_MATCH', 'This person is in an active match. End the match first, so the other person is told, then erase.');
  }
  const subjectId = subject.value.kind === 'mentor' ? subject.value.personId : subject.value.youngPersonId;
  const tombstone: Tombstone = {
    id: deps.newId(),
    kind: subject.value.kind,
    requestedBy: actor,
    startedAt: deps.clock.now().toISOString(),
    pending: { subjectId, identifiers: await deps.eraser.identifiersOf(subject.value) },
  };
  await deps.store.saveTombstone({ value: tombstone, audit: [entry(deps, actor, 'erasureStarted', tombstone.id)], effects: [] });
  return ok(await finish(deps, { value: tombstone, etag: '' }));
}

/** Whether to show the erasure question at all (the erasure itself checks again). */
export function mayErase(deps: PrivacyDeps, actor: PersonRef): Result<PersonRef> {
  return requireDataProtectionOfficer(deps, actor);
}

/** The daily job's part: every erasure a crash left unfinished is carried on from what is stored. */
export async function resumeErasures(deps: PrivacyDeps): Promise<number> {
  const unfinished = await deps.store.unfinishedErasures();
  for (const tombstone of unfinished) await finish(deps, tombstone);
  return unfinished.length;
}

async function finish(deps: PrivacyDeps, stored: Versioned<Tombstone>): Promise<Tombstone> {
  const { pending, ...rest } = stored.value;
  if (!pending) return stored.value;
  await deps.eraser.erase(pending.identifiers, { table: 'Privacy', partitionKey: 'erasures', rowKey: encodeURIComponent(stored.value.id) });
  const done: Tombstone = { ...rest, finishedAt: deps.clock.now().toISOString() };
  const latest = (await deps.store.unfinishedErasures()).find((each) => each.value.id === stored.value.id);
  if (latest) await deps.store.saveTombstone({ value: done, etag: latest.etag, audit: [entry(deps, stored.value.requestedBy, 'erasureFinished', done.id)], effects: [] });
  return done;
}

function entry(deps: PrivacyDeps, actor: PersonRef, action: string, tombstoneId: string) {
  return { at: deps.clock.now().toISOString(), actor, action, subjectId: tombstoneId };
}
