import type { MentorStage } from '../../journey/domain/index.js';
import { bookSession, type BookOutcome, type Session } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type DomainError } from '../../platform/kernel/result.js';
import { bookingAudit, calendarSync, mentorStageSync } from './session-effects.js';
import type { SessionDeps } from './session-deps.js';
import { writerFor } from './session-deps.js';
import type { StepOutcome } from './session-writer.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';

export type BookResult =
  | { readonly ok: true; readonly value: { readonly session: Session; readonly outcome: BookOutcome; readonly waitingPosition?: number; readonly stage?: MentorStage } }
  | { readonly ok: false; readonly error: DomainError; readonly session?: Session };

export async function book(deps: SessionDeps, actor: PersonRef, sessionId: string): Promise<BookResult> {
  const refused = await restrictedRefusal(deps.restricted, actor.id);
  if (refused) return refused;
  const stage = (await deps.mentors.get(actor.id))?.value.stage;
  return writerFor(deps).run(sessionId, (current, version, now) => bookingStep(current, version, now, actor, stage));
}

function bookingStep(current: Session | undefined, version: number, now: Date, actor: PersonRef, stage: MentorStage | undefined): StepOutcome<BookResult> {
  if (!current) return { answer: fail('SESSION_NOT_FOUND', 'This session no longer exists.') };
  const booked = bookSession(current, actor, stage, now);
  if (!booked.ok) return { answer: { ...booked, session: current } };
  const { session, outcome, waitingPosition } = booked.value;
  const answer = ok({ session, outcome, ...(waitingPosition !== undefined ? { waitingPosition } : {}), ...(stage ? { stage } : {}) });
  if (outcome === 'alreadyBooked') return { answer };
  return {
    answer,
    change: {
      session,
      audit: [bookingAudit(actor, outcome === 'confirmed' ? 'bookSession' : 'joinWaitingList', session, now)],
      effects: outcome === 'confirmed' ? [calendarSync(session, version), ...mentorStageSync(session, version, actor.id, actor)] : [],
    },
  };
}
