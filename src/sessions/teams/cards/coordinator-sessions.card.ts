import { SESSION_VERBS } from '../sessions.verbs.js';
import { bookingWindow, confirmedBookings, MAX_SEATS, MIN_SEATS, waitingList } from '../../domain/index.js';
import { card, confirmAction, execute, heading, notice, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { numberInput } from '../../../platform/teams/cards/form-inputs.js';
import { type SessionView, sessionBlock } from './session-parts.js';

/** For coordinators: every session with who is booked and who is waiting, in order. */
export function coordinatorSessionsCard(views: readonly SessionView[], now: Date, done?: string, problem?: string): AdaptiveCardJson {
  const body: CardElement[] = [heading('Sessions')];
  if (done) body.push(notice(done, 'good'));
  if (problem) body.push(notice(problem, 'attention'));
  if (views.length === 0) body.push(text('No sessions yet.'));
  for (const view of views) body.push(block(view, now));
  return card(body, [execute('New session', SESSION_VERBS.newSessionForm)]);
}

function block(view: SessionView, now: Date): CardElement {
  const { session } = view;
  const confirmed = confirmedBookings(session);
  const waiting = waitingList(session);
  const started = bookingWindow(session, now) === 'started';
  const actions = started
    ? [execute('Record attendance', SESSION_VERBS.attendanceForm, { sessionId: session.id })]
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
  return sessionBlock(view, now, [
    text(`Booked (${confirmed.length}): ${confirmed.map((b) => b.displayName + attendedMark(b.attended)).join(', ') || 'nobody yet'}`),
    text(`Waiting list (${waiting.length}): ${waiting.map((b, i) => `${i + 1}. ${b.displayName}`).join(', ') || 'nobody'}`),
    ...(session.cancelledAt ? [] : [{ type: 'ActionSet', actions }]),
  ]);
}

function attendedMark(attended: boolean | undefined): string {
  if (attended === true) return ' (present)';
  if (attended === false) return ' (absent)';
  return '';
}

/** A small form under the session: new start and end, in the session's zone. */
function moveAction(view: SessionView): CardAction {
  const id = view.session.id;
  return {
    type: 'Action.ShowCard',
    title: 'Move…',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Text', id: moveInputId(id, 'startsAt'), label: `New start (${view.session.timeZone} time, as 2026-11-30 09:30)`, isRequired: true, errorMessage: 'Please give the new start.' },
        { type: 'Input.Text', id: moveInputId(id, 'endsAt'), label: 'New end', isRequired: true, errorMessage: 'Please give the new end.' },
      ],
      actions: [execute('Move the session', SESSION_VERBS.moveSession, { sessionId: id })],
    },
  };
}

/** Every session on the card has its own move form, and input ids must be unique on the whole card. */
export function moveInputId(sessionId: string, field: 'startsAt' | 'endsAt'): string {
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
