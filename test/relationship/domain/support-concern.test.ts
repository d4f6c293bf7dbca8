import { describe, expect, it } from 'vitest';
import {
  acknowledgeConcern,
  concernNotificationDue,
  nextReminderAt,
  raiseConcern,
  recordConcernNotified,
  type ConcernUrgency,
} from '../../../src/relationship/domain/index.js';

const RAISED = new Date('2025-05-02T21:00:00Z');
const minutesAfter = (minutes: number) => new Date(RAISED.getTime() + minutes * 60_000);

function concern(urgency: ConcernUrgency) {
  return raiseConcern({ id: 'k1', matchId: 'm1', raisedBy: 'u1', urgency, at: RAISED });
}

describe('who is told about a concern, and when', () => {
  it('tells the duty contact and the service manager at once about an urgent concern, and shows the mentor the numbers', () => {
    expect(concernNotificationDue(concern('urgent safeguarding'), RAISED)).toEqual({
      recipients: ['dutyContact', 'serviceManager'],
      kind: 'first',
      showMentorEmergencyContacts: true,
    });
  });

  it('sends a request for support to the Leaving Care team', () => {
    expect(concernNotificationDue(concern('support'), RAISED)).toEqual({
      recipients: ['leavingCareTeam'],
      kind: 'first',
      showMentorEmergencyContacts: false,
    });
  });

  const policy = { renotifyAfterMinutes: 10 };
  it.each([
    ['urgent, 9 minutes after the first notice', 'urgent safeguarding', 1, 9, false, undefined],
    ['urgent, 10 minutes after', 'urgent safeguarding', 1, 10, false, 'reminder'],
    ['urgent, an hour after', 'urgent safeguarding', 1, 60, false, 'reminder'],
    ['urgent, acknowledged', 'urgent safeguarding', 1, 60, true, undefined],
    ['urgent, never sent (stored but the send failed)', 'urgent safeguarding', 0, 60, false, 'first'],
    ['support, an hour after', 'support', 1, 60, false, undefined],
  ] as const)('%s', (_name, urgency, sent, minutes, acknowledged, kind) => {
    let subject = concern(urgency);
    if (sent > 0) subject = recordConcernNotified(subject, RAISED);
    if (acknowledged) subject = { ...subject, acknowledgedAt: minutesAfter(5), acknowledgedBy: 'duty' };
    expect(concernNotificationDue(subject, minutesAfter(minutes), policy)?.kind).toBe(kind);
  });

  it('keeps reminding each interval after the last notice until acknowledged', () => {
    let subject = recordConcernNotified(concern('urgent safeguarding'), RAISED);
    subject = recordConcernNotified(subject, minutesAfter(15));
    expect(subject.notifiedCount).toBe(2);
    expect(nextReminderAt(subject)?.toISOString()).toBe(minutesAfter(30).toISOString());
    expect(concernNotificationDue(subject, minutesAfter(29))).toBeUndefined();
    expect(concernNotificationDue(subject, minutesAfter(30))?.kind).toBe('reminder');
  });

  it('records the first acknowledgement and keeps it on a retry', () => {
    const sent = recordConcernNotified(concern('urgent safeguarding'), RAISED);
    const first = acknowledgeConcern(sent, { userId: 'duty-1', role: 'dutyContact' }, minutesAfter(3));
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ acknowledgedBy: 'duty-1', acknowledgedAt: minutesAfter(3) });
    const again = acknowledgeConcern(first.value, { userId: 'sm-1', role: 'serviceManager' }, minutesAfter(4));
    expect(again).toEqual(first);
    expect(nextReminderAt(first.value)).toBeUndefined();
  });

  it('only lets someone it was sent to acknowledge it', () => {
    const result = acknowledgeConcern(concern('urgent safeguarding'), { userId: 'x', role: 'leavingCareTeam' }, RAISED);
    expect(result.ok ? 'OK' : result.error.code).toBe('CONCERN_NOT_A_RECIPIENT');
  });
});
