import { describe, expect, it } from 'vitest';
import { tellCalendarFailure } from '../../../src/sessions/app/tell-calendar-failure.js';
import { freshSessionStorage } from '../../support/session-storage.js';

describe('telling coordinators of a calendar failure once per outage (Azurite)', () => {
  it('tells the first failure to every coordinator, not the same cause again, but a new cause and anything after a success', async () => {
    const { sessions } = await freshSessionStorage(() => new Date());
    const tell = (effectId: string, cause: 'accessDenied' | 'notSignedIn') => tellCalendarFailure(sessions, 's1', effectId, cause);
    expect(await tell('s1.v2.calendar', 'accessDenied')).toBe(true); // coordinator A
    expect(await tell('s1.v2.calendar', 'accessDenied')).toBe(true); // coordinator B, same failure
    expect(await tell('s1.v5.calendar', 'accessDenied')).toBe(false); // a later booking, the mailbox still blocked
    expect(await tell('s1.v6.calendar', 'notSignedIn')).toBe(true); // a different cause is news
    // A sync succeeds: it saves the calendar without the mark.
    const { value, etag } = await sessions.getCalendar('s1');
    const { reportedFailure: _cleared, ...synced } = value;
    await sessions.saveCalendar('s1', synced, etag);
    expect(await tell('s1.v9.calendar', 'notSignedIn')).toBe(true);
  });

  it('tells when it cannot compare (a notice queued before this mark existed)', async () => {
    const { sessions } = await freshSessionStorage(() => new Date());
    expect(await tellCalendarFailure(sessions, 's2', undefined, 'gaveUp')).toBe(true);
    expect(await tellCalendarFailure(sessions, 's2', undefined, 'gaveUp')).toBe(true);
  });
});
