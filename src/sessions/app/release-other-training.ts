import { SYSTEM } from '../../platform/kernel/person.js';
import { findBooking } from '../domain/index.js';
import { cancellationStep } from './cancel-booking.js';
import { writerFor, type SessionDeps } from './session-deps.js';

/**
 * A mentor marked present at one training needs no other: their place or their wait on any other training still to come
 * is given up, so the first person waiting moves up (and is told, as with any cancellation). Run again, it finds
 * nothing left to give up.
 */
export async function releaseOtherTraining(deps: SessionDeps, trainedAt: string, personId: string): Promise<number> {
  const trained = await deps.sessions.get(trainedAt);
  const booking = trained ? findBooking(trained.session, personId) : undefined;
  if (!trained || trained.session.kind !== 'training' || booking?.status !== 'confirmed' || booking.attended !== true) return 0;
  const now = deps.clock.now();
  let released = 0;
  for await (const stored of deps.sessions.list({ kinds: new Set(['training']), endingAfter: now })) {
    const { session } = stored;
    const held = findBooking(session, personId);
    if (session.id === trainedAt || !held || held.status === 'cancelled' || now >= new Date(session.startsAt) || session.cancelledAt) continue;
    const result = await writerFor(deps).run(session.id, (current, version, at) => cancellationStep(current, version, at, SYSTEM, personId));
    if (result.ok) released += 1;
  }
  return released;
}
