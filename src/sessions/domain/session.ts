export const SESSION_KINDS = [
  'informationSession',
  'training',
  'supervision',
  'memberWorkshop',
  'shadowing',
  'regulation33Visit',
] as const;

export type SessionKind = (typeof SESSION_KINDS)[number];

export { DEFAULT_TIME_ZONE } from '../../platform/kernel/time/zoned-time.js';
export const MAX_TITLE_LENGTH = 120;
export const MIN_SEATS = 1;
export const MAX_SEATS = 500;
export const MAX_VENUE_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 64;
/**
 * The aggregate is stored as one Table row of about 60 KB, so `bookSession` refuses a new name once the JSON would pass
 * this many characters (about 300 to 400 bookings). Tables keeps strings as UTF-16, at most 64 KiB (32K characters)
 * per property, so the storage mapper splits the JSON over two properties or packs it more tightly.
 */
export const MAX_SESSION_JSON_LENGTH = 60_000;

export type SessionLocation = { readonly type: 'online' } | { readonly type: 'inPerson'; readonly venue: string };

export type BookingStatus = 'confirmed' | 'waiting' | 'cancelled';

/** One row per person: booking again after a cancellation reuses the row and moves it to the back. */
export interface Booking {
  readonly personId: string;
  readonly displayName: string;
  readonly status: BookingStatus;
  readonly bookedAt: string;
  readonly attended?: boolean;
}

/** Someone invited who said they cannot make it (a workshop or shadowing day invitation's "Can't make it"). */
export interface Declined {
  readonly personId: string;
  readonly displayName: string;
  readonly at: string;
}

export interface Session {
  readonly id: string;
  readonly kind: SessionKind;
  readonly title: string;
  /** ISO 8601 instants in UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** IANA zone used for display and for the calendar. */
  readonly timeZone: string;
  readonly location: SessionLocation;
  readonly seats: number;
  readonly bookingClosesAt: string;
  readonly cancelledAt?: string;
  /** The cohort it belongs to (an information session or training opened with one); absent for sessions made on their own. */
  readonly cohortId?: string;
  /** In arrival order: the waiting list is the waiting rows in this order. */
  readonly bookings: readonly Booking[];
  /** Who answered an invitation to it with "Can't make it" (and has not booked since). */
  readonly declined?: readonly Declined[];
}

/** A session before anyone has booked: what `new session` and the cohort defaults produce. */
export type SessionDraft = Omit<Session, 'bookings' | 'cancelledAt'>;

export function openSession(draft: SessionDraft): Session {
  return { ...draft, bookings: [] };
}

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

export function confirmedBookings(session: Session): readonly Booking[] {
  return session.bookings.filter((booking) => booking.status === 'confirmed');
}

export function waitingList(session: Session): readonly Booking[] {
  return session.bookings.filter((booking) => booking.status === 'waiting');
}

export function seatsLeft(session: Session): number {
  return Math.max(0, session.seats - confirmedBookings(session).length);
}

export function findBooking(session: Session, personId: string): Booking | undefined {
  return session.bookings.find((booking) => booking.personId === personId);
}

/** 1 for the first person waiting; undefined for anyone not waiting. */
export function waitingPosition(session: Session, personId: string): number | undefined {
  const index = waitingList(session).findIndex((booking) => booking.personId === personId);
  return index === -1 ? undefined : index + 1;
}

/** Everyone a change to the session must be told about. */
export function peopleToTell(session: Session): readonly Booking[] {
  return session.bookings.filter((booking) => booking.status !== 'cancelled');
}
