import type { SessionView } from '../../app/session-views.js';
import { bookingWindow, findBooking, formatSessionTime, seatsLeft, waitingPosition, type Session } from '../../domain/index.js';
import { facts, text, type CardElement } from '../../../platform/teams/cards/card.js';

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
  return view.joinUrl ? `Online (Microsoft Teams): ${view.joinUrl}` : 'Online (Microsoft Teams; the link comes with your calendar invitation)';
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
  const seats = left === 0 ? `Full (${session.seats} seats); waiting list open` : `${left} of ${session.seats} seats left`;
  return window === 'closed' ? `${seats}; booking has closed` : seats;
}

/** Where the person stands on this session, in a sentence; undefined when they have no booking. */
export function yourPlace(session: Session, personId: string): CardElement | undefined {
  const booking = findBooking(session, personId);
  if (!booking || booking.status === 'cancelled') return undefined;
  if (booking.status === 'confirmed') return text('You have a place.', { weight: 'Bolder', color: 'Good' });
  return text(`You are number ${waitingPosition(session, personId)} on the waiting list.`, { weight: 'Bolder', color: 'Warning' });
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
