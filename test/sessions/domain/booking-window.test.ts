import { describe, expect, it } from 'vitest';
import { bookingWindow, checkBookingOpen } from '../../../src/sessions/domain/index.js';
import { aSession } from './session.fixture.js';

describe('bookingWindow', () => {
  const session = aSession({ bookingClosesAt: '2026-11-29T09:30:00.000Z', startsAt: '2026-11-30T09:30:00.000Z' });

  it.each([
    ['2026-11-01T00:00:00Z', 'open', undefined],
    ['2026-11-29T09:29:59Z', 'open', undefined],
    ['2026-11-29T09:30:00Z', 'closed', 'BOOKING_CLOSED'],
    ['2026-11-30T09:29:59Z', 'closed', 'BOOKING_CLOSED'],
    ['2026-11-30T09:30:00Z', 'started', 'SESSION_STARTED'],
    ['2027-01-01T00:00:00Z', 'started', 'SESSION_STARTED'],
  ])('at %s the window is %s', (now, window, code) => {
    expect(bookingWindow(session, new Date(now))).toBe(window);
    const open = checkBookingOpen(session, new Date(now));
    expect(open.ok ? undefined : open.error.code).toBe(code);
  });

  it('a cancelled session is never bookable', () => {
    const cancelled = aSession({ cancelledAt: '2026-11-02T00:00:00.000Z' });
    expect(bookingWindow(cancelled, new Date('2026-11-01T00:00:00Z'))).toBe('cancelled');
    const open = checkBookingOpen(cancelled, new Date('2026-11-01T00:00:00Z'));
    expect(open.ok ? undefined : open.error.code).toBe('SESSION_CANCELLED');
  });

  it('a session that starts when booking would close is still not bookable once started', () => {
    const late = aSession({ bookingClosesAt: '2026-11-30T09:30:00.000Z' });
    expect(bookingWindow(late, new Date('2026-11-30T09:30:00Z'))).toBe('started');
  });
});
