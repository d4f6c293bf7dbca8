import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { DeliveryError } from '../../platform/delivery/delivery.js';
import { CalendarRefusal, OPERATION_TEXT, type CalendarOperation } from '../app/calendar-failure.js';
import type { CalendarAttendee, CalendarEventDetails, CalendarGateway } from '../app/session-ports.js';
import { toLocal } from '../domain/index.js';
import { graphStatus } from '../../platform/directory/graph-client.js';

export interface CalendarGatewayOptions {
  /** The organiser mailbox (UPN or object id) whose calendar holds every session's event. */
  readonly mailbox: string;
  /**
   * Graph allows an app 4 concurrent requests per mailbox. This holds for one instance; with several, give each
   * floor(4 / instances), and the 429 answers that remain become retries with Retry-After.
   */
  readonly maxConcurrent?: number;
  /** The bot's clock: a Retry-After given as a date becomes a wait from now. */
  readonly now: () => Date;
}

interface GraphAttendee {
  type?: string;
  emailAddress?: { address?: string | null; name?: string | null } | null;
}

interface GraphEvent {
  id: string;
  attendees?: GraphAttendee[];
  onlineMeeting?: { joinUrl?: string | null } | null;
}

/**
 * Sessions as events in the organiser's calendar (Calendars.ReadWrite, limited to that mailbox by an application access
 * policy). The SDK's own retry is switched off for these calls: a 429 or 5xx becomes a DeliveryError with the server's
 * Retry-After, so the effect worker waits without holding one of the mailbox's four request slots.
 */
export class GraphCalendarGateway implements CalendarGateway {
  private readonly slots: Semaphore;
  private readonly base: string;

  constructor(
    private readonly client: Client,
    private readonly options: CalendarGatewayOptions,
  ) {
    this.slots = new Semaphore(options.maxConcurrent ?? 4);
    this.base = `/users/${encodeURIComponent(options.mailbox)}`;
  }

  get maxInFlight(): number {
    return this.slots.highWater;
  }

  async createEvent(details: CalendarEventDetails, attendees: readonly CalendarAttendee[]): Promise<{ id: string; joinUrl?: string }> {
    const online = details.location.type === 'online';
    const body = {
      subject: details.subject,
      body: { contentType: 'text', content: details.bodyText },
      start: graphTime(details.startsAt, details.timeZone),
      end: graphTime(details.endsAt, details.timeZone),
      ...(details.location.type === 'inPerson' ? { location: { displayName: details.location.venue } } : {}),
      ...(online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
      attendees: attendees.map(toGraphAttendee),
      allowNewTimeProposals: false,
      responseRequested: true,
      transactionId: details.transactionId,
    };
    const event = await this.call('createEvent', () =>
      this.request(`${this.base}/events`).header('Prefer', `outlook.timezone="${windowsZone(details.timeZone)}"`).post(body) as Promise<GraphEvent>,
    );
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    return { id: event.id, ...(joinUrl ? { joinUrl } : {}) };
  }

  async getAttendees(eventId: string): Promise<CalendarAttendee[] | undefined> {
    try {
      const event = await this.call('readEvent', () =>
        this.request(`${this.base}/events/${encodeURIComponent(eventId)}`).select(['id', 'attendees']).get() as Promise<GraphEvent>,
      );
      return (event.attendees ?? []).flatMap((attendee) =>
        attendee.emailAddress?.address ? [{ address: attendee.emailAddress.address, name: attendee.emailAddress.name ?? '' }] : [],
      );
    } catch (error) {
      if (error instanceof MissingEvent) return undefined;
      throw error;
    }
  }

  /**
   * Only `attendees` in the body: Graph then sends a meeting update to the attendees added or removed and to nobody
   * else, and the body (which carries the Teams meeting blob) is left alone, so the join link stays.
   */
  async setAttendees(eventId: string, attendees: readonly CalendarAttendee[]): Promise<void> {
    await this.call('setAttendees', () =>
      this.request(`${this.base}/events/${encodeURIComponent(eventId)}`).patch({ attendees: attendees.map(toGraphAttendee) }) as Promise<unknown>,
    );
  }

  async cancelEvent(eventId: string, comment: string): Promise<void> {
    try {
      await this.call('cancelEvent', () =>
        this.request(`${this.base}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment }) as Promise<unknown>,
      );
    } catch (error) {
      if (!(error instanceof MissingEvent)) throw error;
    }
  }

  async setSchedule(eventId: string, details: Pick<CalendarEventDetails, 'startsAt' | 'endsAt' | 'timeZone'>): Promise<void> {
    await this.call('moveEvent', () =>
      this.request(`${this.base}/events/${encodeURIComponent(eventId)}`).patch({
        start: graphTime(details.startsAt, details.timeZone),
        end: graphTime(details.endsAt, details.timeZone),
      }) as Promise<unknown>,
    );
  }

  private request(path: string) {
    return this.client.api(path).middlewareOptions([new RetryHandlerOptions(0, 0)]);
  }

  private async call<T>(operation: CalendarOperation, request: () => Promise<T>): Promise<T> {
    const release = await this.slots.acquire();
    try {
      return await request();
    } catch (error) {
      throw translate(error, operation, this.options.mailbox, this.options.now());
    } finally {
      release();
    }
  }
}

class MissingEvent extends Error {}

function translate(error: unknown, operation: CalendarOperation, mailbox: string, now: Date): Error {
  const what = OPERATION_TEXT[operation];
  const status = graphStatus(error);
  // Creating posts to the mailbox itself, so a 404 there means the organiser mailbox is wrong, not a missing event.
  if (status === 404 && operation !== 'createEvent') return new MissingEvent(`Graph could not find the event to ${what}`);
  if (status === undefined || status === -1) return new DeliveryError(`Graph could not be reached to ${what}`, 'retry');
  if (status === 429 || status >= 500) {
    return new DeliveryError(`Graph was busy (HTTP ${status}) when asked to ${what}`, 'retry', retryAfterMs(error, now));
  }
  return new CalendarRefusal(operation, status, mailbox);
}

function retryAfterMs(error: unknown, now: Date): number | undefined {
  const headers = (error as { headers?: { get?: (name: string) => string | null } } | undefined)?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

function toGraphAttendee(attendee: CalendarAttendee) {
  return { type: 'required', emailAddress: { address: attendee.address, name: attendee.name } };
}

/** Wall-clock time in the council's zone, named as Exchange names zones, so the event shows right across clock changes. */
export function graphTime(iso: string, timeZone: string): { dateTime: string; timeZone: string } {
  const local = toLocal(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    dateTime: `${local.year}-${two(local.month)}-${two(local.day)}T${two(local.hour)}:${two(local.minute)}:00`,
    timeZone: windowsZone(timeZone),
  };
}

const WINDOWS_ZONES: Record<string, string> = {
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Belfast': 'GMT Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

/** Graph also accepts IANA names for most zones; the common ones are given their Windows names, which every mailbox knows. */
export function windowsZone(timeZone: string): string {
  return WINDOWS_ZONES[timeZone] ?? timeZone;
}

/** At most `limit` at once, first come first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  highWater = 0;

  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    this.highWater = Math.max(this.highWater, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}
