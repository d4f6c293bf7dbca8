import { advance, inStage, type JourneyEvent, type Mentor, type MentorStage } from '../../journey/domain/index.js';
import { findBooking, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { stageChange } from '../../journey/index.js';
import type { AuditEntry } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { SessionDeps } from './session-deps.js';

/**
 * The steps that bring a mentor's stage in line with their training booking as stored now: a confirmed place means
 * 'booked', a place given up means back to 'approved', being marked present means 'trained', and a present mark taken
 * back (the register corrected to absent) means 'booked' again, unless another training has them present
 * (`presentElsewhere`). Run twice, or late, or out of order, it converges on the same stage. A mentor past 'trained'
 * (profile written, matched) is never moved back, and a place given up on this training never untrains anyone.
 */
export function stageSteps(stage: MentorStage, session: Session, personId: string, presentElsewhere = false): JourneyEvent[] {
  if (session.kind !== 'training') return [];
  const booking = findBooking(session, personId);
  const confirmed = !session.cancelledAt && booking?.status === 'confirmed';
  if (confirmed && booking.attended === true) {
    if (stage === 'approved') return ['bookTraining', 'recordTrainingAttendance'];
    if (stage === 'booked') return ['recordTrainingAttendance'];
    return [];
  }
  if (confirmed && booking.attended === false && stage === 'trained' && !presentElsewhere) return ['unrecordTrainingAttendance'];
  if (confirmed && stage === 'approved') return ['bookTraining'];
  if (!confirmed && stage === 'booked') return ['cancelTraining'];
  return [];
}

export async function syncMentorStage(deps: SessionDeps, sessionId: string, personId: string, actor: PersonRef): Promise<MentorStage | undefined> {
  return retryOnConflict(async () => {
    const [session, mentor] = await Promise.all([deps.sessions.get(sessionId), deps.mentors.get(personId)]);
    if (!session || !mentor) return mentor?.value.stage;
    const absentHere = mentor.value.stage === 'trained' && findBooking(session.session, personId)?.attended === false;
    const elsewhere = absentHere && (await presentAtAnotherTraining(deps, sessionId, personId));
    const steps = stageSteps(mentor.value.stage, session.session, personId, elsewhere);
    if (steps.length === 0) return mentor.value.stage;
    const now = deps.clock.now();
    let next: Mentor = mentor.value;
    const audit: AuditEntry[] = [];
    for (const step of steps) {
      const moved = advance(next.stage, step);
      if (!moved.ok) break;
      const after: Mentor = inStage(next, moved.value, now);
      audit.push({ ...stageChange(actor, step, next, after, now), detail: 'SESSION_BOOKING' });
      next = after;
    }
    if (audit.length === 0) return mentor.value.stage;
    await deps.mentors.save({ value: next, etag: mentor.etag, audit, effects: [] });
    return next.stage;
  });
}

/** Whether some other training (however long ago) has the person marked present: their 'trained' stands on that one. */
async function presentAtAnotherTraining(deps: SessionDeps, sessionId: string, personId: string): Promise<boolean> {
  for await (const { session } of deps.sessions.list({ kinds: new Set(['training']) })) {
    if (session.id === sessionId || session.cancelledAt) continue;
    const booking = findBooking(session, personId);
    if (booking?.status === 'confirmed' && booking.attended === true) return true;
  }
  return false;
}
