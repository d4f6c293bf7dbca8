import type { Session, SessionLocation } from '../domain/index.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';

/** A session as stored: the aggregate, a counter that goes up with every write, and when reminders went out. */
export interface StoredSession {
  readonly session: Session;
  readonly version: number;
  /** The start time the day-before reminders were sent for; a moved session is reminded again. */
  readonly remindedFor?: string;
}

export interface VersionedSession extends StoredSession {
  readonly etag: string;
}

export interface SessionChange {
  readonly session: Session;
  /** The etag read with the session; absent when the session is new (then the write fails if it exists). */
  readonly etag?: string;
  /** The version this write stores: the one read plus one (1 for a new session). */
  readonly version: number;
  readonly remindedFor?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

/** The state of a session's calendar event, kept apart from the session row so calendar work never contends with bookings. */
export interface CalendarState {
  readonly eventId?: string;
  readonly joinUrl?: string;
  /** The session version the event was last made to match. */
  readonly syncedVersion: number;
  /** The highest version someone asked for while another worker held the lock; the holder syncs again before letting go. */
  readonly requestedVersion: number;
  readonly lockedUntil?: string;
  readonly cancelled?: boolean;
  /** `startsAt|endsAt` as last sent to Graph, so a moved session is patched once. */
  readonly schedule?: string;
  /** `failed effect id|cause` of the failure the coordinators were last told of; cleared when a sync succeeds. */
  readonly reportedFailure?: string;
}

export interface ListSessionsOptions {
  readonly kinds?: ReadonlySet<Session['kind']>;
  /** Only sessions ending at or after this instant. */
  readonly endingAfter?: Date;
}

export interface SessionStore {
  get(sessionId: string): Promise<VersionedSession | undefined>;
  /**
   * One transaction: the session row (etag-guarded), audit rows and outbox effects. Throws ConcurrencyError on a stale
   * etag; resolves with the row's new etag when the store knows it.
   */
  save(change: SessionChange): Promise<string | undefined>;
  /** Sessions matching the options (all when none), read through a small catalogue rather than a table scan. */
  list(options?: ListSessionsOptions): AsyncIterable<VersionedSession>;
  /** Queues effects outside a write (skipping ids already queued) and signals the worker. */
  addEffects(sessionId: string, effects: readonly Effect[]): Promise<void>;
  getCalendar(sessionId: string): Promise<{ value: CalendarState; etag?: string }>;
  /** Etag-guarded (create when no etag); throws ConcurrencyError when someone else wrote first. */
  saveCalendar(sessionId: string, state: CalendarState, etag: string | undefined): Promise<string>;
}

export interface CalendarAttendee {
  readonly address: string;
  readonly name: string;
}

export interface CalendarEventDetails {
  readonly subject: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly location: SessionLocation;
  /** Graph's idempotency key for event creation: a retried POST does not make a second event. */
  readonly transactionId: string;
  readonly bodyText: string;
}

/** One calendar (the organiser mailbox); methods throw DeliveryError when Graph cannot do it now or ever. */
export interface CalendarGateway {
  createEvent(details: CalendarEventDetails, attendees: readonly CalendarAttendee[]): Promise<{ id: string; joinUrl?: string }>;
  /** Undefined when the event no longer exists. */
  getAttendees(eventId: string): Promise<CalendarAttendee[] | undefined>;
  /** Replaces the attendee list, sending only the attendees property so only people added or removed get mail. */
  setAttendees(eventId: string, attendees: readonly CalendarAttendee[]): Promise<void>;
  cancelEvent(eventId: string, comment: string): Promise<void>;
  /** Moves the event: start and end only (this one does mail every attendee, as a moved meeting should). */
  setSchedule(eventId: string, details: Pick<CalendarEventDetails, 'startsAt' | 'endsAt' | 'timeZone'>): Promise<void>;
}

/** Work email addresses for people, by Entra object id; undefined for someone with no mailbox. */
export interface EmailLookup {
  emailOf(personId: string): Promise<string | undefined>;
}
