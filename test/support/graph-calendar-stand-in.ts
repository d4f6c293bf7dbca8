import { randomUUID } from 'node:crypto';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in.js';

export interface StoredEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string };
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting?: { joinUrl: string };
  body: { contentType: string; content: string };
  attendees: Array<{ type: string; status: { response: string; time: string }; emailAddress: { name: string; address: string } }>;
  transactionId?: string;
  isCancelled: boolean;
}

/** What Exchange would have mailed: an invitation or update per attendee touched, and to whom. */
export interface MeetingMail {
  readonly eventId: string;
  readonly kind: 'invitation' | 'update' | 'cancellation';
  readonly to: string;
}

function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } } };
}

export const calendarFaults = {
  throttled: (retryAfterSeconds: number): Reply =>
    graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': String(retryAfterSeconds) }),
  unavailable: (): Reply => graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.'),
  forbidden: (): Reply => graphError(403, 'ErrorAccessDenied', 'Access to OData is disabled: the application access policy does not allow this mailbox.'),
};

/**
 * Stands in for the calendar part of Microsoft Graph v1.0 in the organiser mailbox: create (honouring transactionId),
 * read, PATCH and cancel events, answering in Graph's shapes. It records the meeting mail Exchange would send, following
 * the documented rule that a PATCH whose body is only `attendees` mails only the attendees added or removed, and any other
 * PATCH mails everyone. Optional latency shows how many requests were in flight at once (Graph allows 4 per mailbox).
 */
export class GraphCalendarStandIn {
  readonly events = new Map<string, StoredEvent>();
  readonly mail: MeetingMail[] = [];
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Array<{ match: (request: RecordedRequest) => boolean; reply: Reply; left: number }> = [];
  private inFlight = 0;
  maxInFlight = 0;
  latencyMs = 0;
  /** Set to a standalone server when started with `start()`; undefined when attached to another stand-in. */
  private http: HttpStandIn | undefined;

  constructor(readonly mailbox: string) {}

  get url(): string {
    if (!this.http) throw new Error('not started standalone');
    return this.http.url;
  }

  async start(): Promise<this> {
    this.http = new HttpStandIn(async (request) => (await this.route(request)) ?? graphError(400, 'BadRequest', 'Unsupported segment'));
    await this.http.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.http?.stop();
  }

  /** Adds the calendar routes to another Graph stand-in (people, installations): `graph.http.override(...)`. */
  attachTo(http: HttpStandIn): void {
    http.override((request) => this.handles(request), (request) => this.pending(request));
  }

  fail(match: (request: RecordedRequest) => boolean, reply: Reply, times = Infinity): void {
    this.faults.push({ match, reply, left: times });
  }

  /** The attendee addresses of the one live event for `subject`. */
  attendeesOf(subject: string): string[] {
    const event = [...this.events.values()].find((e) => e.subject === subject && !e.isCancelled);
    return event ? event.attendees.map((a) => a.emailAddress.address).sort() : [];
  }

  eventFor(subject: string): StoredEvent | undefined {
    return [...this.events.values()].find((e) => e.subject === subject);
  }

  handles(request: RecordedRequest): boolean {
    return /^\/v1\.0\/users\/[^/]+\/events(\/|$)/.test(request.path);
  }

  /** The synchronous override hook cannot wait, so attached routes answer without latency. */
  private pending(request: RecordedRequest): Reply {
    this.requests.push(request);
    return this.answer(request);
  }

  async route(request: RecordedRequest): Promise<Reply | undefined> {
    if (!this.handles(request)) return undefined;
    this.requests.push(request);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      return this.answer(request);
    } finally {
      this.inFlight -= 1;
    }
  }

  private answer(request: RecordedRequest): Reply {
    for (const fault of this.faults) {
      if (fault.left > 0 && fault.match(request)) {
        fault.left -= 1;
        return fault.reply;
      }
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?(?:\/(cancel))?$/.exec(request.path);
    if (!match) return graphError(400, 'BadRequest', 'Unsupported segment');
    if (decodeURIComponent(match[1]!).toLowerCase() !== this.mailbox.toLowerCase()) {
      return graphError(404, 'ErrorInvalidUser', `The requested user '${match[1]}' is invalid.`);
    }
    const id = match[2];
    if (!id && request.method === 'POST') return this.create(request);
    const event = id ? this.events.get(id) : undefined;
    if (!event || (event.isCancelled && !match[3])) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (match[3] === 'cancel' && request.method === 'POST') return this.cancel(event);
    if (request.method === 'GET') return { status: 200, body: this.json(event, request.query.get('$select')) };
    if (request.method === 'PATCH') return this.patch(event, request.body as Record<string, unknown>);
    return graphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
  }

  private create(request: RecordedRequest): Reply {
    const body = request.body as Partial<StoredEvent> & { attendees?: Array<{ type?: string; emailAddress: { name: string; address: string } }> };
    const existing = body.transactionId ? [...this.events.values()].find((e) => e.transactionId === body.transactionId) : undefined;
    if (existing) return { status: 201, body: this.json(existing, null) };
    if (!body.subject || !body.start?.dateTime || !body.end?.dateTime) return graphError(400, 'ErrorInvalidRequest', 'subject, start and end are required.');
    const id = `AAMkAD${randomUUID().replace(/-/g, '')}=`;
    const online = body.isOnlineMeeting === true;
    const event: StoredEvent = {
      id,
      subject: body.subject,
      start: body.start,
      end: body.end,
      ...(body.location ? { location: body.location } : {}),
      isOnlineMeeting: online,
      ...(body.onlineMeetingProvider ? { onlineMeetingProvider: body.onlineMeetingProvider } : {}),
      ...(online ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.slice(6, 20)}%40thread.v2/0` } } : {}),
      body: { contentType: 'html', content: `<html><body>${body.body?.content ?? ''}${online ? '<div>________________ Microsoft Teams meeting</div>' : ''}</body></html>` },
      attendees: (body.attendees ?? []).map((a) => this.attendee(a.emailAddress)),
      ...(body.transactionId ? { transactionId: body.transactionId } : {}),
      isCancelled: false,
    };
    this.events.set(id, event);
    for (const attendee of event.attendees) this.mail.push({ eventId: id, kind: 'invitation', to: attendee.emailAddress.address });
    return { status: 201, body: this.json(event, null) };
  }

  private patch(event: StoredEvent, body: Record<string, unknown>): Reply {
    const before = new Set(event.attendees.map((a) => a.emailAddress.address.toLowerCase()));
    const onlyAttendees = Object.keys(body).length === 1 && Array.isArray(body.attendees);
    if (Array.isArray(body.attendees)) {
      const previous = new Map(event.attendees.map((a) => [a.emailAddress.address.toLowerCase(), a]));
      event.attendees = (body.attendees as Array<{ emailAddress: { name: string; address: string } }>).map(
        (a) => previous.get(a.emailAddress.address.toLowerCase()) ?? this.attendee(a.emailAddress),
      );
    }
    if (typeof body.subject === 'string') event.subject = body.subject;
    if (body.start && typeof body.start === 'object') event.start = body.start as StoredEvent['start'];
    if (body.end && typeof body.end === 'object') event.end = body.end as StoredEvent['end'];
    if (body.body && typeof body.body === 'object') {
      event.body = body.body as StoredEvent['body'];
      // Replacing the body without the meeting blob turns the Teams meeting off.
      if (!event.body.content.includes('Microsoft Teams meeting')) {
        delete event.onlineMeeting;
        event.isOnlineMeeting = false;
      }
    }
    const after = new Set(event.attendees.map((a) => a.emailAddress.address.toLowerCase()));
    if (onlyAttendees) {
      for (const address of after) if (!before.has(address)) this.mail.push({ eventId: event.id, kind: 'invitation', to: address });
      for (const address of before) if (!after.has(address)) this.mail.push({ eventId: event.id, kind: 'cancellation', to: address });
    } else {
      for (const address of after) this.mail.push({ eventId: event.id, kind: before.has(address) ? 'update' : 'invitation', to: address });
    }
    return { status: 200, body: this.json(event, null) };
  }

  private cancel(event: StoredEvent): Reply {
    if (!event.isCancelled) for (const a of event.attendees) this.mail.push({ eventId: event.id, kind: 'cancellation', to: a.emailAddress.address });
    event.isCancelled = true;
    return { status: 202 };
  }

  private attendee(emailAddress: { name: string; address: string }): StoredEvent['attendees'][number] {
    return { type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: emailAddress.name, address: emailAddress.address } };
  }

  private json(event: StoredEvent, select: string | null): Record<string, unknown> {
    const full: Record<string, unknown> = {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(this.mailbox)}')/events/$entity`,
      '@odata.etag': `W/"${randomUUID()}"`,
      ...event,
      organizer: { emailAddress: { name: 'Mentoring scheme', address: this.mailbox } },
    };
    if (!select) return full;
    const names = new Set(['@odata.context', '@odata.etag', ...select.split(',')]);
    return Object.fromEntries(Object.entries(full).filter(([key]) => names.has(key)));
  }
}
