import { SESSION_VERBS } from '../sessions.verbs.js';
import { confirmedBookings, formatSessionTime, type Session } from '../../domain/index.js';
import { card, execute, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';

export const PRESENT_PREFIX = 'present.';

/** After a session: everyone with a place, each with a present/absent toggle; saving it again simply updates the record. */
export function attendanceCard(session: Session, done?: { text: string; tone: 'good' | 'attention' }): AdaptiveCardJson {
  const confirmed = confirmedBookings(session);
  const body: CardElement[] = [
    heading(`Attendance: ${session.title}`),
    text(formatSessionTime(session), { subtle: true }),
    ...(done ? [notice(done.text, done.tone)] : []),
    ...(session.kind === 'training' ? [text('Marking someone present at the training records them as trained.')] : []),
  ];
  if (confirmed.length === 0) {
    body.push(text('Nobody had a place on this session.'));
    return card(body);
  }
  confirmed.forEach((booking) => {
    body.push({
      type: 'Input.Toggle',
      id: `${PRESENT_PREFIX}${booking.personId}`,
      title: booking.displayName,
      wrap: true,
      value: booking.attended === true ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    });
  });
  return card(body, [execute('Save attendance', SESSION_VERBS.recordAttendance, { sessionId: session.id }, 'positive')]);
}
