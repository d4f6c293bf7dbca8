import { SESSION_VERBS } from '../sessions.verbs.js';
import { formatSessionTime, type Booking, type Session } from '../../domain/index.js';
import { card, execute, formatDate, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';

/** The inputs and data the card sends back (sessions.handler.ts reads them). */
export const ATTENDANCE_INPUTS = {
  /** The session picker: "Show this session" answers the card for the session picked here. */
  pickedSession: 'attendance.session',
  /** The tick list: the ids of everyone ticked, comma-separated (Input.ChoiceSet isMultiSelect). */
  present: 'attendance.present',
  /** On Save's data: everyone the tick list showed, so whoever is not ticked is recorded absent. */
  shown: 'people',
} as const;

/** Toggles of the cards sent before the tick list (`present.<id>`: 'true' | 'false'); a save from one still counts. */
export const PRESENT_PREFIX = 'present.';

export interface AttendanceCardView {
  /** Sessions that have started, newest first: the picker's choices. */
  readonly sessions: readonly Session[];
  readonly chosen: Session;
  /** Everyone with a confirmed place on the chosen session. */
  readonly booked: readonly Booking[];
}

/**
 * One card for attendance: a picker of the sessions that have started and, for the chosen one, a tick list of everyone
 * with a place. Saving again simply updates the record; un-ticking someone records them absent.
 */
export function attendanceCard(view: AttendanceCardView, done?: { text: string; tone: 'good' | 'attention' }): AdaptiveCardJson {
  const { chosen, booked } = view;
  const body: CardElement[] = [
    heading(`Attendance: ${chosen.title}`),
    text(formatSessionTime(chosen), { subtle: true }),
    ...(done ? [notice(done.text, done.tone)] : []),
    ...picker(view),
    ...(chosen.kind === 'training' && booked.length > 0 ? [text('Ticking someone at the training records them as trained; taking the tick off takes it back.')] : []),
  ];
  if (booked.length === 0) {
    body.push(text('Nobody had a place on this session.'));
    return card(body);
  }
  const ticked = booked.filter((b) => b.attended === true).map((b) => b.personId);
  const titles = Object.fromEntries(booked.map((b) => [b.personId, b.displayName]));
  body.push(
    choiceInput(ATTENDANCE_INPUTS.present, `Who came (${booked.length} booked)`, booked.map((b) => b.personId), ticked, { multi: true, titles }),
  );
  const save = execute('Save attendance', SESSION_VERBS.recordAttendance, { sessionId: chosen.id, [ATTENDANCE_INPUTS.shown]: booked.map((b) => b.personId) }, 'positive');
  return card(body, [save]);
}

function picker({ sessions, chosen }: AttendanceCardView): CardElement[] {
  if (sessions.length <= 1) return [];
  // The date first: a phone's drop-down cuts the end of a long title.
  const titles = Object.fromEntries(sessions.map((s) => [s.id, `${formatDate(s.startsAt)}: ${s.title}`]));
  return [
    choiceInput(ATTENDANCE_INPUTS.pickedSession, 'Session', sessions.map((s) => s.id), chosen.id, { titles }),
    { type: 'ActionSet', actions: [execute('Show this session', SESSION_VERBS.attendanceForm, {})] },
  ];
}
