import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { book } from '../app/book-session.js';
import { cancelMyBooking } from '../app/cancel-booking.js';
import { declineInvitation } from '../app/decline-session.js';
import { invitationAnswerCard, type InvitationAnswer } from './cards/invitation-answer.card.js';
import { cancelWholeSession } from '../app/cancel-session.js';
import { changeSessionSeats, type SeatsOutcome } from '../app/change-seats.js';
import { createSession } from '../app/create-session.js';
import { moveWholeSession } from '../app/move-session.js';
import { recordSessionAttendance } from '../app/record-attendance.js';
import { retrySessionCalendar } from '../app/retry-calendar.js';
import type { SessionDeps } from '../app/session-deps.js';
import type { CohortDeps } from '../app/cohort-ports.js';
import type { RotaDeps } from '../app/rota-ports.js';
import { cohortOverview } from '../app/cohort-views.js';
import { sessionsOrWait } from '../app/wait-for-dates.js';
import { cohortsCard } from './cards/cohorts.card.js';
import { datesNotSetCard } from './cards/dates-not-set.card.js';
import { coordinatorSessionViews, openNewSessionForm, sessionsFor, sessionViews } from '../app/session-views.js';
import type { MentorStage } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { stillToCome, type Session } from '../domain/index.js';
import type { Logger } from '../../log.js';
import { attendanceCard, ATTENDANCE_INPUTS } from './cards/attendance.card.js';
import { attendanceMarksOf } from './attendance-marks.js';
import { attendanceRegister } from '../app/attendance-register.js';
import { card, command, heading, notice, text, type AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { coordinatorSessionsCard, moveInputId, seatsInputId, type MoveField } from './cards/coordinator-sessions.card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { NEW_SESSION_FIELDS, newSessionFormCard, type NewSessionValues } from './cards/new-session-form.card.js';
import { sessionBookingCard } from './cards/session-booking.card.js';

export interface SessionHandlerDeps {
  readonly sessions: CohortDeps & RotaDeps;
  readonly log: Logger;
  readonly timeZone: string;
  /** Bookings go into Outlook calendars (an organiser mailbox is configured); otherwise nothing promises they will. */
  readonly calendarInUse: boolean;
}

const COORDINATORS_ONLY = 'That is for the scheme coordinators.';

/** The refusal to anyone but a coordinator, with the way on as a button: the sessions they can book. */
function coordinatorsOnly(): AdaptiveCardJson {
  return errorCard(COORDINATORS_ONLY, 'Coordinators only', [command('See the sessions you can book', 'sessions')]);
}
const MENTOR_KINDS: ReadonlySet<Session['kind']> = new Set(['informationSession', 'training']);
/** Sessions people are invited to by broadcast, whose answer is the invitation's own card (not the mentor's booking card). */
const INVITED_KINDS: ReadonlySet<Session['kind']> = new Set(['memberWorkshop', 'shadowing']);

/** The answer to an invitation, with the Teams link when the calendar has made one. */
async function invitationAnswer(h: SessionHandlerDeps, session: Session, answer: InvitationAnswer): Promise<AdaptiveCardJson> {
  const joinUrl = (await h.sessions.sessions.getCalendar(session.id)).value.joinUrl;
  return invitationAnswerCard(joinUrl ? { session, joinUrl } : { session }, answer, h.sessions.clock.now(), h.calendarInUse);
}

export async function bookingCardFor(
  deps: SessionDeps,
  personId: string,
  options: { notice?: { text: string; tone: 'good' | 'attention' }; approved?: boolean; stage?: MentorStage } = {},
) {
  const now = deps.clock.now();
  const { stage: known, ...rest } = options;
  const [views, stage] = await Promise.all([
    // Past sessions fold away from a mentor's card (the coordinator still sees them).
    sessionViews(deps, now, { kinds: MENTOR_KINDS, filter: (s) => stillToCome(s, now) }),
    known ? Promise.resolve(known) : deps.mentors.get(personId).then((m) => m?.value.stage),
  ]);
  if (views.length === 0 && stage === 'approved') return datesNotSetCard(options.approved ? { approved: true } : {});
  return sessionBookingCard({ sessions: views, personId, stage, now, ...rest });
}

/** A card action about one session: the session's id comes from the card, or the card is out of date. */
function onSession(outOfDate: string, body: (context: Turn, actor: PersonRef, sessionId: string, data: unknown) => Promise<void>) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const sessionId = sessionIdOf(data);
    if (!sessionId) return answerInvoke(context, errorCard(outOfDate));
    await body(context, actor, sessionId, data);
  };
}

function sessionIdOf(data: unknown): string | undefined {
  const id = (data as { sessionId?: unknown } | undefined)?.sessionId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

export function sessionsCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const shown = await sessionsFor(h.sessions, actor);
    if (shown.role === 'coordinator') {
      // With nothing open, the coordinator is shown that first, with the way to open the next cohort.
      const cohorts = await cohortOverview(h.sessions, actor);
      if (cohorts.ok && !cohorts.value.anyOpen) await sendCard(context, cohortsCard(cohorts.value));
      return void (await sendCard(context, coordinatorSessionsCard(shown.views, h.sessions.clock.now())));
    }
    const mentor = (await h.sessions.mentors.get(actor.id))?.value;
    if (mentor && (await sessionsOrWait(h.sessions, mentor)) === 'waitingForDates') return void (await sendCard(context, datesNotSetCard()));
    await sendCard(context, await bookingCardFor(h.sessions, actor.id, mentor ? { stage: mentor.stage } : {}));
  };
}

export function bookSessionAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date. Type "sessions" for a new one.', async (context, actor, sessionId) => {
    const result = await book(h.sessions, actor, sessionId);
    const session = result.ok ? result.value.session : result.session;
    if (session && INVITED_KINDS.has(session.kind)) {
      const answer: InvitationAnswer = !result.ok
        ? { kind: 'refused', message: result.error.message }
        : result.value.outcome === 'waiting'
          ? { kind: 'waiting', position: result.value.waitingPosition ?? 1 }
          : { kind: 'booked' };
      return answerInvoke(context, await invitationAnswer(h, session, answer));
    }
    let notice: { text: string; tone: 'good' | 'attention' };
    if (!result.ok) {
      h.log.info({ code: result.error.code }, 'booking refused');
      notice = { text: result.error.message, tone: 'attention' };
    } else if (result.value.outcome === 'waiting') {
      notice = { text: `${result.value.session.title} is full. You are number ${result.value.waitingPosition} on the waiting list; if a place frees up it is yours and you will be told.`, tone: 'good' };
    } else if (result.value.outcome === 'alreadyBooked') {
      notice = { text: `You are already booked on ${result.value.session.title}.`, tone: 'good' };
    } else {
      notice = { text: `You are booked on ${result.value.session.title}.${h.calendarInUse ? ' It will appear in your calendar shortly.' : ''}`, tone: 'good' };
    }
    const stage = result.ok ? result.value.stage : undefined;
    await answerInvoke(context, await bookingCardFor(h.sessions, actor.id, { notice, ...(stage ? { stage } : {}) }));
  });
}

export function cancelSessionBookingAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date. Type "sessions" for a new one.', async (context, actor, sessionId) => {
    const result = await cancelMyBooking(h.sessions, actor, sessionId);
    const notice = result.ok
      ? { text: `Your booking on ${result.value.session.title} is cancelled.`, tone: 'good' as const }
      : { text: result.error.message, tone: 'attention' as const };
    await answerInvoke(context, await bookingCardFor(h.sessions, actor.id, { notice }));
  });
}

/** "Can't make it" on an invitation: the answer is kept, and a place held goes to the first person waiting. */
export function declineSessionAction(h: SessionHandlerDeps) {
  return onSession('This invitation is out of date. Please use the latest one in your chat.', async (context, actor, sessionId) => {
    const result = await declineInvitation(h.sessions, actor, sessionId);
    if (!result.ok) {
      h.log.info({ code: result.error.code }, 'invitation answer refused');
      return answerInvoke(context, result.session ? await invitationAnswer(h, result.session, { kind: 'refused', message: result.error.message }) : errorCard(result.error.message));
    }
    const gaveUp = result.value.released ? (result.value.released.status === 'confirmed' ? 'place' : 'wait') : undefined;
    await answerInvoke(context, await invitationAnswer(h, result.value.session, { kind: 'declined', gaveUp }));
  });
}

export function newSessionCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    if (!openNewSessionForm(h.sessions, actor).ok) return void (await sendCard(context, coordinatorsOnly()));
    await sendCard(context, newSessionFormCard(h.timeZone));
  };
}

export function newSessionFormAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    if (!openNewSessionForm(h.sessions, actor).ok) return answerInvoke(context, coordinatorsOnly());
    await answerInvoke(context, newSessionFormCard(h.timeZone));
  };
}


export function createSessionAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const values: NewSessionValues = {};
    for (const field of NEW_SESSION_FIELDS) {
      const value = raw[field];
      if (typeof value === 'string' || typeof value === 'number') values[field] = String(value).slice(0, 20_000);
    }
    // Typed date-times (startsAt, endsAt, bookingClosesAt), as the form sent them before it had date and time pickers.
    const typed = Object.fromEntries(['startsAt', 'endsAt', 'bookingClosesAt'].filter((field) => typeof raw[field] === 'string').map((field) => [field, (raw[field] as string).slice(0, 100)]));
    const result = await createSession(h.sessions, actor, { ...typed, ...values }, h.timeZone);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, coordinatorsOnly());
    if (!result.ok) {
      // The form comes back with what was typed, cut to what the fields allow, and each problem under its field.
      const shown = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.slice(0, 500)])) as NewSessionValues;
      return answerInvoke(context, newSessionFormCard(h.timeZone, shown, result.error.problems));
    }
    const now = h.sessions.clock.now();
    await answerInvoke(context, coordinatorSessionsCard(await coordinatorSessionViews(h.sessions, now), now, `Created: ${result.value.title}. Approved mentors can book it now.`));
  };
}

export function cancelSessionAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date.', async (context, actor, sessionId) => {
    const result = await cancelWholeSession(h.sessions, actor, sessionId);
    if (!result.ok) return answerInvoke(context, errorCard(result.error.message));
    const now = h.sessions.clock.now();
    await answerInvoke(context, coordinatorSessionsCard(await coordinatorSessionViews(h.sessions, now), now, `Cancelled: ${result.value.title}. Everyone booked is being told.`));
  });
}

export function moveSessionAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date.', async (context, actor, sessionId, data) => {
    const raw = data as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : undefined);
    const sent = (field: MoveField) => text(raw[moveInputId(sessionId, field)]);
    // The card's day and time inputs; date-times typed into an older card ("2026-11-30 09:30") still read.
    const input = sent('date') !== undefined || sent('startTime') !== undefined ? { date: sent('date'), startTime: sent('startTime'), endTime: sent('endTime') } : { startsAt: sent('startsAt'), endsAt: sent('endsAt') };
    const result = await moveWholeSession(h.sessions, actor, sessionId, input);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, coordinatorsOnly());
    const now = h.sessions.clock.now();
    const views = await coordinatorSessionViews(h.sessions, now);
    if (!result.ok) return answerInvoke(context, coordinatorSessionsCard(views, now, undefined, `Not moved: ${result.error.message}`));
    await answerInvoke(context, coordinatorSessionsCard(views, now, `Moved: ${result.value.title}. Everyone booked is being told and their calendars updated.`));
  });
}

export function changeSeatsAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date.', async (context, actor, sessionId, data) => {
    const result = await changeSessionSeats(h.sessions, actor, sessionId, (data as Record<string, unknown>)[seatsInputId(sessionId)]);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, coordinatorsOnly());
    const now = h.sessions.clock.now();
    const views = await coordinatorSessionViews(h.sessions, now);
    if (!result.ok) return answerInvoke(context, coordinatorSessionsCard(views, now, undefined, `Seats not changed: ${result.error.message}`));
    await answerInvoke(context, coordinatorSessionsCard(views, now, seatsNotice(result.value)));
  });
}

/** A use case's refusal as a card: the coordinators-only answer, or the refusal's own words. */
function refusalCard(error: { readonly code: string; readonly message: string }): AdaptiveCardJson {
  return error.code === 'NOT_COORDINATOR' ? coordinatorsOnly() : errorCard(error.message);
}

function seatsNotice({ session, promoted, changed }: SeatsOutcome): string {
  if (!changed) return `${session.title} already has ${session.seats} seats.`;
  const told =
    promoted.length === 0 ? '' : promoted.length === 1 ? ' The first person waiting now has a place and is being told.' : ` The first ${promoted.length} people waiting now have places and are being told.`;
  return `Seats changed: ${session.title} now has ${session.seats} seats.${told}`;
}

export function retrySessionCalendarAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date.', async (context, actor, sessionId) => {
    const result = await retrySessionCalendar(h.sessions, actor, sessionId);
    if (!result.ok) return answerInvoke(context, refusalCard(result.error));
    const retrying = `Trying the calendar for ${result.value.title} again. If it still fails, you will get another card.`;
    await answerInvoke(context, card([heading('Calendar'), notice(retrying, 'info')]));
  });
}

export function attendanceCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const register = await attendanceRegister(h.sessions, actor);
    if (!register.ok) return void (await sendCard(context, refusalCard(register.error)));
    if (!register.value) {
      await sendCard(context, card([heading('Attendance'), text('No session has taken place in the last 30 days, so there is no attendance to record yet.')]));
      return;
    }
    await sendCard(context, attendanceCard(register.value));
  };
}

/** The attendance card for another session: the one picked on the card, or the one whose "Record attendance" was pressed. */
export function attendanceFormAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const sessionId = pickedSessionOf(data) ?? sessionIdOf(data);
    if (!sessionId) return answerInvoke(context, errorCard('Pick a session first.'));
    const register = await attendanceRegister(h.sessions, actor, { sessionId });
    if (!register.ok || !register.value) return answerInvoke(context, register.ok ? errorCard('This session no longer exists.') : refusalCard(register.error));
    await answerInvoke(context, attendanceCard(register.value));
  };
}

export function recordAttendanceAction(h: SessionHandlerDeps) {
  return onSession('This card is out of date. Type "attendance" for a new one.', async (context, actor, sessionId, data) => {
    const result = await recordSessionAttendance(h.sessions, actor, sessionId, attendanceMarksOf(data));
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, coordinatorsOnly());
    const saved = result.ok ? result.value.session : result.session;
    const register = saved ? await attendanceRegister(h.sessions, actor, { saved }) : undefined;
    if (!register?.ok || !register.value) return answerInvoke(context, errorCard(result.ok ? 'This session no longer exists.' : result.error.message));
    if (!result.ok) return answerInvoke(context, attendanceCard(register.value, { text: result.error.message, tone: 'attention' }));
    const present = result.value.session.bookings.filter((b) => b.status === 'confirmed' && b.attended === true).length;
    const trained = result.value.session.kind === 'training' ? ' Those present are being recorded as trained.' : '';
    await answerInvoke(context, attendanceCard(register.value, { text: `Attendance saved: ${present} present.${trained}`, tone: 'good' }));
  });
}

function pickedSessionOf(data: unknown): string | undefined {
  const id = (data as Record<string, unknown> | undefined)?.[ATTENDANCE_INPUTS.pickedSession];
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}
