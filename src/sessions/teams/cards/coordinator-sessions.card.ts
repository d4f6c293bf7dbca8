import { SESSION_VERBS } from '../sessions.verbs.js';
import { bookingWindow, confirmedBookings, formatSessionTime, MAX_SEATS, MIN_SEATS, toLocal, waitingList, type Session } from '../../domain/index.js';
import { card, confirmAction, execute, heading, notice, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { numberInput } from '../../../platform/teams/cards/form-inputs.js';
import { foldedSection, sideBySide } from '../../../platform/teams/cards/form-sections.js';
import { KIND_NAMES, type SessionView, sessionFacts } from './session-parts.js';

/**
 * For coordinators: every session in one line or two (what, when, how full), soonest first, with who is booked and
 * waiting and the changes (move, seats, cancel) behind "Details and bookings", opened in place. Sessions that have
 * ended fold away under "Past sessions", each with its "Record attendance".
 */
export function coordinatorSessionsCard(views: readonly SessionView[], now: Date, done?: string, problem?: string): AdaptiveCardJson {
  const body: CardElement[] = [heading('Sessions')];
  if (done) body.push(notice(done, 'good'));
  if (problem) body.push(notice(problem, 'attention'));
  if (views.length === 0) body.push(text('No sessions yet.'));
  const soonestFirst = [...views].sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  const ended = (view: SessionView) => now >= new Date(view.session.endsAt);
  for (const view of soonestFirst.filter((each) => !ended(each))) body.push(block(view, now));
  const past = soonestFirst.filter(ended).reverse();
  if (past.length) body.push(...foldedSection('pastSessions', `Past sessions (${past.length})`, past.map((view) => block(view, now))));
  return card(body, [execute('New session', SESSION_VERBS.newSessionForm)]);
}

function block(view: SessionView, now: Date): CardElement {
  const { session } = view;
  const confirmed = confirmedBookings(session);
  const waiting = waitingList(session);
  const started = bookingWindow(session, now) === 'started';
  const detailsId = `details.${session.id}`;
  const changes = started
    ? []
    : [
        moveAction(view),
        seatsAction(view),
        confirmAction({
          opener: 'Cancel this session…',
          consequence: `${peopleTold(confirmed.length + waiting.length)} (booked or waiting) will be told that ${session.title} is cancelled, and it leaves their calendars.`,
          confirm: `Cancel ${session.title}`,
          verb: SESSION_VERBS.cancelSession,
          data: { sessionId: session.id },
        }),
      ];
  const attendance = started && !session.cancelledAt ? [execute('Record attendance', SESSION_VERBS.attendanceForm, { sessionId: session.id })] : [];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(`${KIND_NAMES[session.kind]}: ${session.title}`, { weight: 'Bolder' }),
      text(`${formatSessionTime(session)}. ${inOneLine(session, now)}`, { spacing: 'None' }),
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.ToggleVisibility', title: 'Details and bookings', tooltip: `Details and bookings: ${session.title}`, targetElements: [detailsId] }, ...attendance],
      },
      {
        type: 'Container',
        id: detailsId,
        isVisible: false,
        items: [
          sessionFacts(view, now),
          text(`Booked (${confirmed.length}): ${confirmed.map((b) => b.displayName + attendedMark(b.attended)).join(', ') || 'nobody yet'}`),
          text(`Waiting list (${waiting.length}): ${waiting.map((b, i) => `${i + 1}. ${b.displayName}`).join(', ') || 'nobody'}`),
          ...(session.cancelledAt || changes.length === 0 ? [] : [{ type: 'ActionSet', actions: changes }]),
        ],
      },
    ],
  };
}

/** How full a session is, or what became of it, in a few words. */
function inOneLine(session: Session, now: Date): string {
  const booked = confirmedBookings(session).length;
  const waiting = waitingList(session).length;
  const window = bookingWindow(session, now);
  if (window === 'cancelled') return 'Cancelled.';
  if (window === 'started') {
    const present = confirmedBookings(session).filter((b) => b.attended === true).length;
    const marked = confirmedBookings(session).some((b) => b.attended !== undefined);
    return `${booked} booked${marked ? `, ${present} present` : ', attendance not recorded yet'}.`;
  }
  const line = `${booked >= session.seats ? 'Full: ' : ''}${booked} of ${session.seats} booked${waiting ? `, ${waiting} waiting` : ''}`;
  return window === 'closed' ? `${line}; booking has closed.` : `${line}.`;
}

function attendedMark(attended: boolean | undefined): string {
  if (attended === true) return ' (present)';
  if (attended === false) return ' (absent)';
  return '';
}

/** A small form under the session: the new day, start and end (in the session's zone), starting from the current ones. */
function moveAction(view: SessionView): CardAction {
  const { session } = view;
  const id = session.id;
  const start = toLocal(new Date(session.startsAt), session.timeZone);
  const end = toLocal(new Date(session.endsAt), session.timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    type: 'Action.ShowCard',
    title: 'Move…',
    card: {
      type: 'AdaptiveCard',
      body: [
        text(`New day and times, in ${session.timeZone} time. Everyone booked or waiting is told, and their calendars change.`, { subtle: true }),
        { type: 'Input.Date', id: moveInputId(id, 'date'), label: 'New day', isRequired: true, errorMessage: 'Please choose the new day.', value: `${start.year}-${two(start.month)}-${two(start.day)}` },
        sideBySide(
          [{ type: 'Input.Time', id: moveInputId(id, 'startTime'), label: 'Starts', isRequired: true, errorMessage: 'Please give the new start.', value: `${two(start.hour)}:${two(start.minute)}` }],
          [{ type: 'Input.Time', id: moveInputId(id, 'endTime'), label: 'Ends', isRequired: true, errorMessage: 'Please give the new end.', value: `${two(end.hour)}:${two(end.minute)}` }],
        ),
      ],
      actions: [execute('Move the session', SESSION_VERBS.moveSession, { sessionId: id })],
    },
  };
}

/** The move form's inputs (and `startsAt`, `endsAt`: date-times typed into a card sent before it had date and time inputs). */
export type MoveField = 'date' | 'startTime' | 'endTime' | 'startsAt' | 'endsAt';

/** Every session on the card has its own move form, and input ids must be unique on the whole card. */
export function moveInputId(sessionId: string, field: MoveField): string {
  return `move.${sessionId}.${field}`;
}

/** A small form under the session: the new number of seats (the server decides who it lets in). */
function seatsAction(view: SessionView): CardAction {
  const { session } = view;
  const booked = confirmedBookings(session).length;
  const waiting = waitingList(session).length;
  return {
    type: 'Action.ShowCard',
    title: 'Change seats…',
    card: {
      type: 'AdaptiveCard',
      body: [
        text(`Now ${session.seats} seats: ${booked} booked, ${waiting} waiting. New seats go to the waiting list in order; fewer seats than people booked is refused.`),
        numberInput(seatsInputId(session.id), 'Number of seats', session.seats, MIN_SEATS, MAX_SEATS),
      ],
      actions: [execute('Change the seats', SESSION_VERBS.changeSeats, { sessionId: session.id })],
    },
  };
}

export function seatsInputId(sessionId: string): string {
  return `seats.${sessionId}`;
}

function peopleTold(count: number): string {
  return count === 0 ? 'Nobody' : count === 1 ? '1 person' : `${count} people`;
}
