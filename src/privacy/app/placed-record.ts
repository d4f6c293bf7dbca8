import type { Change, Versioned } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { Placed } from '../domain/index.js';
import type { PrivacyDeps } from './privacy-ports.js';

/** Where one restriction or legal hold is kept, by its key. */
export interface PlacedStore<T extends Placed> {
  get(): Promise<Versioned<T> | undefined>;
  save(change: Change<T>): Promise<void>;
}

/** Places it once: one in force is answered as it stands; a lifted one is placed again. */
export function placeOnce<T extends Placed>(deps: PrivacyDeps, actor: PersonRef, store: PlacedStore<T>, placed: (at: string) => T, action: string, subjectId: string): Promise<Result<T>> {
  return retryOnConflict(async () => {
    const stored = await store.get();
    if (stored && !stored.value.liftedAt) return ok(stored.value);
    const value = placed(deps.clock.now().toISOString());
    await store.save({ value, ...(stored ? { etag: stored.etag } : {}), audit: [entry(deps, actor, action, subjectId)], effects: [] });
    return ok(value);
  });
}

/** Lifts the one in force, or refuses with `refusal` when there is none. */
export function liftPlaced<T extends Placed>(deps: PrivacyDeps, actor: PersonRef, store: PlacedStore<T>, refusal: { code: string; message: string }, action: string, subjectId: string): Promise<Result<T>> {
  return retryOnConflict(async () => {
    const stored = await store.get();
    if (!stored || stored.value.liftedAt) return fail(refusal.code, refusal.message);
    const lifted: T = { ...stored.value, liftedAt: deps.clock.now().toISOString(), liftedBy: actor };
    await store.save({ value: lifted, etag: stored.etag, audit: [entry(deps, actor, action, subjectId)], effects: [] });
    return ok(lifted);
  });
}

function entry(deps: PrivacyDeps, actor: PersonRef, action: string, subjectId: string) {
  return { at: deps.clock.now().toISOString(), actor, action, subjectId };
}
