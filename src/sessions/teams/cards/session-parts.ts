import type { SessionView } from '../../app/session-views.js';
import { bookingWindow, findBooking, formatSessionTime, seatsLeft, waitingPosition, type Session } from '../../domain/index.js';
import { confirmAction, facts, notice, openUrl, text, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { SESSION_VERBS } from '../sessions.verbs.js';

/** A session and what the calendar knows of it (the Teams link, once the event exists). */
export type { SessionView };

export const KIND_NAMES: Record<Session['kind'], string> = {
  informationSession: 'Information session',
  training: 'Full-day training',
  supervision: 'Group supervision',
  memberWorkshop: 'Member workshop',
  shadowing: 'Shadowing day',
  regulation33Visit: 'Regulation 33 visit',
};

export function place(view: SessionView): string {
  const location = view.session.location;
  if (location.type === 'inPerson') return location.venue;
  return view.joinUrl ? 'Online (Microsoft Teams): use Join the meeting' : 'Online (Microsoft Teams; the link comes with your calendar invitation)';
}

/** "Join the meeting", once the calendar has made the Teams meeting. */
export function joinButton(view: SessionView): CardAction[] {
  return view.joinUrl ? [openUrl('Join the meeting', view.joinUrl)] : [];
}

/** Giving up a place, confirmed in place: the next person waiting gets it. */
export function cancelPlaceAction(view: SessionView, waiting = false): CardAction {
  return confirmAction({
    opener: waiting ? 'Leave the waiting list…' : 'Cancel my place…',
    consequence: waiting ? `You will leave the waiting list for ${view.session.title}.` : `You will lose your place at ${view.session.title}; the next person waiting gets it, and the coordinator can see the change.`,
    confirm: waiting ? 'Leave the waiting list' : 'Cancel my place',
    verb: SESSION_VERBS.cancelSessionBooking,
    data: { sessionId: view.session.id },
  });
}

export function sessionFacts(view: SessionView, now: Date): CardElement {
  const { session } = view;
  return facts([
    ['When', formatSessionTime(session)],
    ['Where', place(view)],
    ['Seats', seatsLine(session, now)],
  ]);
}

export function seatsLine(session: Session, now: Date): string {
  const window = bookingWindow(session, now);
  if (window === 'cancelled') return 'Cancelled';
  if (window === 'started') return 'Closed: this session has started or taken place';
  const left = seatsLeft(session);
  const seats = left === 0 ? `Full (${plural(session.seats, 'seat')}); waiting list open` : `${left} of ${plural(session.seats, 'seat')} left`;
  return window === 'closed' ? `${seats}; booking has closed` : seats;
}

/** Where the person stands on this session, in a sentence; undefined when they have no booking. */
export function yourPlace(session: Session, personId: string): CardElement | undefined {
  const booking = findBooking(session, personId);
  if (!booking || booking.status === 'cancelled') return undefined;
  if (booking.status === 'confirmed') return notice('You have a place.', 'good', 'Small');
  return notice(`You are number ${waitingPosition(session, personId)} on the waiting list.`, 'warning', 'Small');
}

/** One session on a card: its name and facts, then what this card adds (places, bookings, buttons). */
export function sessionBlock(view: SessionView, now: Date, more: readonly CardElement[]): CardElement {
  const { session } = view;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [text(`${KIND_NAMES[session.kind]}: ${session.title}`, { weight: 'Bolder', size: 'Medium' }), sessionFacts(view, now), ...more],
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
