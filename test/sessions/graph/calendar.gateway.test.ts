import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/platform/delivery/delivery.js';
import { calendarFailureOf } from '../../../src/sessions/app/calendar-failure.js';
import type { CalendarEventDetails } from '../../../src/sessions/app/session-ports.js';
import { GraphCalendarGateway, graphTime } from '../../../src/sessions/graph/calendar.gateway.js';
import { createGraphClient } from '../../../src/platform/directory/graph-client.js';
import { calendarFaults, GraphCalendarStandIn } from '../../support/graph-calendar-stand-in.js';

const MAILBOX = 'mentoring-sessions@council.example';

const ONLINE: CalendarEventDetails = {
  subject: 'Mentoring scheme information session 2026',
  startsAt: '2026-11-09T10:00:00.000Z',
  endsAt: '2026-11-09T12:00:00.000Z',
  timeZone: 'Europe/London',
  location: { type: 'online' },
  transactionId: 'cohort-2026-information-session',
  bodyText: 'Information session.',
};

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ address: `mentor${i}@council.example`, name: `Mentor ${i}` }));

describe('the Graph calendar gateway, through the real Graph client against a local Graph', () => {
  let graph: GraphCalendarStandIn;
  let gateway: GraphCalendarGateway;
  beforeAll(async () => {
    graph = await new GraphCalendarStandIn(MAILBOX).start();
  });
  afterAll(() => graph.stop());
  beforeEach(() => {
    gateway = new GraphCalendarGateway(createGraphClient({ baseUrl: graph.url, getAccessToken: async () => 'token' }), { mailbox: MAILBOX, now: () => new Date() });
  });

  it('creates an online session as a Teams meeting in the organiser mailbox, in the council zone', async () => {
    const created = await gateway.createEvent(ONLINE, people(2));
    expect(created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const post = graph.requests.at(-1)!;
    expect(post.method).toBe('POST');
    expect(post.path).toBe(`/v1.0/users/${MAILBOX}/events`);
    expect(post.body).toMatchObject({
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2026-11-09T10:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2026-11-09T12:00:00', timeZone: 'GMT Standard Time' },
      transactionId: 'cohort-2026-information-session',
    });
    expect(post.body).not.toHaveProperty('location');
    expect(post.headers.authorization).toBe('Bearer token');
  });

  it('gives an in-person session its venue as the location and no Teams meeting', async () => {
    await gateway.createEvent({ ...ONLINE, transactionId: 'in-person', location: { type: 'inPerson', venue: 'Civic Centre, Room 2' } }, []);
    const body = graph.requests.at(-1)!.body as Record<string, unknown>;
    expect(body.location).toEqual({ displayName: 'Civic Centre, Room 2' });
    expect(body).not.toHaveProperty('isOnlineMeeting');
  });

  it('does not make a second event when a create is retried (transactionId)', async () => {
    const first = await gateway.createEvent({ ...ONLINE, transactionId: 'retried' }, []);
    const second = await gateway.createEvent({ ...ONLINE, transactionId: 'retried' }, []);
    expect(second.id).toBe(first.id);
  });

  it('keeps wall-clock times right across the October clock change', () => {
    // 25 October 2026: clocks go back from 02:00 BST to 01:00 GMT.
    expect(graphTime('2026-10-24T09:00:00.000Z', 'Europe/London')).toEqual({ dateTime: '2026-10-24T10:00:00', timeZone: 'GMT Standard Time' });
    expect(graphTime('2026-10-26T10:00:00.000Z', 'Europe/London')).toEqual({ dateTime: '2026-10-26T10:00:00', timeZone: 'GMT Standard Time' });
    expect(graphTime('2026-10-25T00:30:00.000Z', 'Europe/London').dateTime).toBe('2026-10-25T01:30:00');
    expect(graphTime('2026-10-25T01:30:00.000Z', 'Europe/London').dateTime).toBe('2026-10-25T01:30:00');
  });

  it('changes attendees with a PATCH of attendees only: the newcomer is invited, nobody else is mailed, the Teams link stays', async () => {
    const created = await gateway.createEvent({ ...ONLINE, transactionId: 'patch' }, people(3));
    const mailBefore = graph.mail.length;
    await gateway.setAttendees(created.id, people(4));
    const patch = graph.requests.at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(Object.keys(patch.body as object)).toEqual(['attendees']);
    expect(graph.mail.slice(mailBefore)).toEqual([{ eventId: created.id, kind: 'invitation', to: 'mentor3@council.example' }]);
    const event = graph.events.get(created.id)!;
    expect(event.onlineMeeting?.joinUrl).toBe(created.joinUrl);
    expect(await gateway.getAttendees(created.id)).toHaveLength(4);

    await gateway.setAttendees(created.id, people(4).slice(1));
    expect(graph.mail.at(-1)).toEqual({ eventId: created.id, kind: 'cancellation', to: 'mentor0@council.example' });
  });

  it('reads a deleted event as missing, and cancels with POST /cancel', async () => {
    expect(await gateway.getAttendees('AAMkADgone=')).toBeUndefined();
    const created = await gateway.createEvent({ ...ONLINE, transactionId: 'cancel' }, people(2));
    await gateway.cancelEvent(created.id, 'Cancelled.');
    expect(graph.requests.at(-1)).toMatchObject({ method: 'POST', path: `/v1.0/users/${MAILBOX}/events/${created.id}/cancel`, body: { comment: 'Cancelled.' } });
    expect(graph.events.get(created.id)!.isCancelled).toBe(true);
  });

  it('turns 429 with Retry-After and 503 into retries, and 403 into a permanent failure', async () => {
    const created = await gateway.createEvent({ ...ONLINE, transactionId: 'faults' }, []);
    const isPatch = (request: { method: string }) => request.method === 'PATCH';
    graph.fail(isPatch, calendarFaults.throttled(7), 1);
    const throttled = await gateway.setAttendees(created.id, people(1)).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(DeliveryError);
    expect(throttled).toMatchObject({ outcome: 'retry', retryAfterMs: 7000 });

    graph.fail(isPatch, calendarFaults.unavailable(), 1);
    expect(await gateway.setAttendees(created.id, people(1)).catch((error: unknown) => error)).toMatchObject({ outcome: 'retry' });

    graph.fail(isPatch, calendarFaults.forbidden(), 1);
    const refused = await gateway.setAttendees(created.id, people(1)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ outcome: 'permanent' });
    expect((refused as Error).message).toContain('Calendars.ReadWrite');
    // What the coordinators' card is made from: which call, which status, which mailbox.
    expect(calendarFailureOf(refused)).toEqual({ cause: 'accessDenied', operation: 'setAttendees', status: 403, mailbox: MAILBOX });

    const patches = graph.requests.filter(isPatch).length;
    await gateway.setAttendees(created.id, people(1));
    expect(graph.requests.filter(isPatch).length).toBe(patches + 1);
  });

  it('reads a 404 on create as a wrong organiser mailbox, which no retry fixes', async () => {
    const wrong = new GraphCalendarGateway(createGraphClient({ baseUrl: graph.url, getAccessToken: async () => 'token' }), { mailbox: 'nobody@council.example', now: () => new Date() });
    const refused = await wrong.createEvent({ ...ONLINE, transactionId: 'wrong-mailbox' }, []).catch((error: unknown) => error);
    expect(refused).toMatchObject({ outcome: 'permanent' });
    expect(calendarFailureOf(refused)).toEqual({ cause: 'rejected', operation: 'createEvent', status: 404, mailbox: 'nobody@council.example' });
  });

  it('keeps to 4 requests at once in the organiser mailbox', async () => {
    const created = await gateway.createEvent({ ...ONLINE, transactionId: 'concurrency' }, []);
    graph.latencyMs = 25;
    graph.maxInFlight = 0;
    try {
      await Promise.all(Array.from({ length: 20 }, () => gateway.getAttendees(created.id)));
    } finally {
      graph.latencyMs = 0;
    }
    expect(graph.maxInFlight).toBe(4);
    expect(gateway.maxInFlight).toBe(4);
  });
});
