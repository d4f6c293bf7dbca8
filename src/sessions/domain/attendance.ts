import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Booking, Session } from './session.js';

export interface AttendanceMark {
  readonly personId: string;
  readonly present: boolean;
}

export interface AttendanceRecorded {
  readonly session: Session;
  /** Everyone confirmed and marked present so far, not only in this call, so a retry reports the same people. */
  readonly present: readonly Booking[];
  readonly absent: readonly Booking[];
  /** For a 'training': the people the caller moves to 'trained'. Empty for every other kind. */
  readonly toMarkTrained: readonly string[];
}

export type AttendanceErrorCode = 'SESSION_CANCELLED' | 'SESSION_NOT_STARTED' | 'NOT_CONFIRMED';

export function recordAttendance(
  session: Session,
  marks: readonly AttendanceMark[],
  now: Date,
): Result<AttendanceRecorded, AttendanceErrorCode> {
  if (session.cancelledAt) return fail('SESSION_CANCELLED', 'This session was cancelled, so there is no attendance to record.');
  if (now < new Date(session.startsAt)) {
    return fail('SESSION_NOT_STARTED', 'Attendance can be recorded once the session has started.');
  }
  const confirmedIds = new Set(session.bookings.filter((b) => b.status === 'confirmed').map((b) => b.personId));
  const stranger = marks.find((mark) => !confirmedIds.has(mark.personId));
  if (stranger) return fail('NOT_CONFIRMED', 'Attendance can only be recorded for people with a confirmed place.');
  const presence = new Map(marks.map((mark) => [mark.personId, mark.present]));
  const bookings = session.bookings.map((booking) => {
    const present = presence.get(booking.personId);
    return present === undefined ? booking : { ...booking, attended: present };
  });
  const next: Session = { ...session, bookings };
  const present = bookings.filter((b) => b.status === 'confirmed' && b.attended === true);
  const absent = bookings.filter((b) => b.status === 'confirmed' && b.attended === false);
  const toMarkTrained = session.kind === 'training' ? present.map((b) => b.personId) : [];
  return ok({ session: next, present, absent, toMarkTrained });
}
