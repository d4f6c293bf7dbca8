import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/platform/delivery/delivery.js';
import { firstNotice } from '../../../src/platform/delivery/failure-notice.js';
import { calendarGiveUpNotice } from '../../../src/sessions/app/calendar-give-up.js';
import type { Effect } from '../../../src/platform/app/ports.js';
import { CalendarRefusal } from '../../../src/sessions/app/calendar-failure.js';

const MAILBOX = 'mentoring-sessions@council.example';
const calendarEffect: Effect = { id: 's.v3.calendar', recipientId: 'calendar:s', message: { type: 'syncSessionCalendar', sessionId: 's', version: 3 } };
const personEffect: Effect = { id: 's.v3.promoted.p', recipientId: 'p', message: { type: 'sessionPromoted', sessionId: 's', personId: 'p' } };

describe('what the coordinators are told when an effect fails for good', () => {
  it.each([
    ['403 from Graph', new CalendarRefusal('createEvent', 403, MAILBOX), { cause: 'accessDenied', operation: 'createEvent', status: 403, mailbox: MAILBOX }],
    ['401 from Graph', new CalendarRefusal('setAttendees', 401, MAILBOX), { cause: 'notSignedIn', operation: 'setAttendees', status: 401, mailbox: MAILBOX }],
    ['400 from Graph', new CalendarRefusal('moveEvent', 400, MAILBOX), { cause: 'rejected', operation: 'moveEvent', status: 400, mailbox: MAILBOX }],
    ['busy on every try', new DeliveryError('Graph was busy (HTTP 503)', 'retry'), { cause: 'gaveUp' }],
    ['an unexpected error on every try', new Error('socket hang up'), { cause: 'gaveUp' }],
  ])("a session's calendar, %s: its own notice naming the session and the cause", (_name, error, failure) => {
    expect(calendarGiveUpNotice(calendarEffect, (error as Error).message, error)).toEqual({ type: 'sessionCalendarFailed', sessionId: 's', failure, failedEffectId: calendarEffect.id });
  });

  it('a message to a person: no notice of its own (it is listed as undelivered)', () => {
    const error = new DeliveryError('the bot is blocked', 'permanent');
    expect(calendarGiveUpNotice(personEffect, error.message, error)).toBeUndefined();
  });

  it('the first capability that gives a notice for the effect is the one used', () => {
    const never = () => undefined;
    const error = new CalendarRefusal('createEvent', 403, MAILBOX);
    expect(firstNotice([never, calendarGiveUpNotice])(calendarEffect, error.message, error)).toMatchObject({ type: 'sessionCalendarFailed' });
    expect(firstNotice([never])(calendarEffect, error.message, error)).toBeUndefined();
  });
});
