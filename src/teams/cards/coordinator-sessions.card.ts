import { bookingWindow, confirmedBookings, waitingList } from '../../domain/sessions/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from './card.js';
import { KIND_NAMES, sessionFacts, type SessionView } from './session-parts.js';

/** For coordinators: every session with who is booked and who is waiting, in order. */
export function coordinatorSessionsCard(views: readonly SessionView[], now: Date, notice?: string): AdaptiveCardJson {
  const body: CardElement[] = [heading('Sessions')];
  if (notice) body.push(text(notice, { weight: 'Bolder', color: 'Good' }));
  if (views.length === 0) body.push(text('No sessions yet. Say "new session" to add one.'));
  for (const view of views) body.push(block(view, now));
  return card(body, [execute('New session', 'newSessionForm')]);
}

function block(view: SessionView, now: Date): CardElement {
  const { session } = view;
  const confirmed = confirmedBookings(session);
  const waiting = waitingList(session);
  const started = bookingWindow(session, now) === 'started';
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(`${KIND_NAMES[session.kind]}: ${session.title}`, { weight: 'Bolder', size: 'Medium' }),
      sessionFacts(view, now),
      text(`Booked (${confirmed.length}): ${confirmed.map((b) => b.displayName + attendedMark(b.attended)).join(', ') || 'nobody yet'}`),
      text(`Waiting list (${waiting.length}): ${waiting.map((b, i) => `${i + 1}. ${b.displayName}`).join(', ') || 'nobody'}`),
      ...(session.cancelledAt
        ? []
        : [
            {
              type: 'ActionSet',
              actions: [
                started
                  ? execute('Record attendance', 'attendanceForm', { sessionId: session.id })
                  : execute('Cancel this session', 'cancelSession', { sessionId: session.id }, 'destructive'),
              ],
            },
          ]),
    ],
  };
}

function attendedMark(attended: boolean | undefined): string {
  if (attended === true) return ' (present)';
  if (attended === false) return ' (absent)';
  return '';
}
