import { confirmedBookings, peopleToTell, type Booking, type Session } from '../domain/index.js';
import type { FanOutPurpose } from './session-messages.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';

/**
 * Effect ids are idempotency keys and must be unique per write: they carry the session version the write stores, so
 * two writes never queue the same id (which would fail the second write's transaction).
 */
export function calendarSync(session: Session, version: number): Effect {
  return {
    id: `${session.id}.v${version}.calendar`,
    recipientId: `calendar:${session.id}`,
    message: { type: 'syncSessionCalendar', sessionId: session.id, version },
    // A sync makes the event match the bookings as stored when it runs, so one run covers every sync queued before it,
    // and a short wait lets a rush of bookings reach the calendar in one change instead of one each.
    convergeKey: 'calendar',
    delayMs: CALENDAR_SETTLE_MS,
  };
}

/** How long a calendar change waits for others to join it: invitations arrive a second later, Graph is asked less. */
export const CALENDAR_SETTLE_MS = 1_000;

/** Only the full-day training moves a mentor's stage; the handler reads the booking as stored when it runs. */
export function mentorStageSync(session: Session, version: number, personId: string, actor: PersonRef): Effect[] {
  if (session.kind !== 'training') return [];
  return [
    {
      id: `${session.id}.v${version}.stage.${personId}`,
      recipientId: personId,
      message: { type: 'sessionMentorStage', sessionId: session.id, personId, actor },
    },
  ];
}

export function promotedNotice(session: Session, version: number, promoted: Pick<Booking, 'personId'>): Effect {
  return {
    id: `${session.id}.v${version}.promoted.${promoted.personId}`,
    recipientId: promoted.personId,
    message: { type: 'sessionPromoted', sessionId: session.id, personId: promoted.personId },
  };
}

export function bookingAudit(actor: PersonRef, action: string, session: Session, now: Date, detail?: string): AuditEntry {
  return { at: now.toISOString(), actor, action, subjectId: session.id, ...(detail ? { detail } : {}) };
}

export function fanOut(session: Session, version: number, purpose: FanOutPurpose, actor: PersonRef): Effect {
  return {
    id: `${session.id}.v${version}.fanout.${purpose}`,
    recipientId: `session:${session.id}`,
    message: { type: 'sessionFanOut', sessionId: session.id, version, purpose, actor },
  };
}

/**
 * Everyone one write moved from the waiting list (more seats can free hundreds), as one row: a partition transaction
 * holds at most 100, and each person needs a notice and a stage check.
 */
export function promotionsFanOut(session: Session, version: number, promoted: readonly Booking[], actor: PersonRef): Effect {
  return {
    id: `${session.id}.v${version}.fanout.promoted`,
    recipientId: `session:${session.id}`,
    message: { type: 'sessionFanOut', sessionId: session.id, version, purpose: 'promoted', actor, personIds: promoted.map((b) => b.personId) },
  };
}

/** The per-person effects a fan-out stands for, from the session as stored when the worker runs it. */
export function fanOutEffects(session: Session, version: number, purpose: FanOutPurpose, actor: PersonRef, personIds: readonly string[] = []): Effect[] {
  const key = `${session.id}.v${version}`;
  if (purpose === 'promoted') {
    // The notice checks the place is still held when it is sent; the stage check reads the booking as stored then.
    return personIds.flatMap((personId) => [promotedNotice(session, version, { personId }), ...mentorStageSync(session, version, personId, actor)]);
  }
  if (purpose === 'reminder') {
    if (session.cancelledAt) return [];
    return confirmedBookings(session).map((booking) => ({
      id: `${key}.reminder.${booking.personId}`,
      recipientId: booking.personId,
      message: { type: 'sessionReminder', sessionId: session.id, personId: booking.personId },
    }));
  }
  if (purpose === 'cancelled') {
    return peopleToTell(session).flatMap((booking): Effect[] => [
      { id: `${key}.cancelled.${booking.personId}`, recipientId: booking.personId, message: { type: 'sessionCancelled', sessionId: session.id, personId: booking.personId } },
      ...mentorStageSync(session, version, booking.personId, actor),
    ]);
  }
  if (purpose === 'moved') {
    return peopleToTell(session).map((booking) => ({
      id: `${key}.moved.${booking.personId}`,
      recipientId: booking.personId,
      message: { type: 'sessionMoved', sessionId: session.id, personId: booking.personId },
    }));
  }
  return confirmedBookings(session).flatMap((booking) => [
    ...mentorStageSync(session, version, booking.personId, actor),
    ...(booking.attended === true ? [releaseOtherTrainingEffect(session, version, booking.personId)] : []),
  ]);
}

/** Someone present at this training gives up their places and waits on the others (read as stored when it runs). */
function releaseOtherTrainingEffect(session: Session, version: number, personId: string): Effect {
  return {
    id: `${session.id}.v${version}.release.${personId}`,
    recipientId: `session:${session.id}`,
    message: { type: 'sessionReleaseOtherTraining', sessionId: session.id, personId },
  };
}
