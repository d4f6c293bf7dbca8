import { fail, ok, type Result } from '../../platform/kernel/result.js';

export const CONCERN_URGENCIES = ['urgent safeguarding', 'support'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];

/** Who hears about a concern (their contact details are resolved outside the domain). */
export type ConcernRecipient = 'dutyContact' | 'serviceManager' | 'leavingCareTeam';

export interface SupportConcern {
  readonly id: string;
  readonly matchId: string;
  readonly raisedBy: string;
  readonly urgency: ConcernUrgency;
  readonly raisedAt: Date;
  readonly notifiedCount: number;
  readonly lastNotifiedAt?: Date;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: Date;
}

export interface ConcernPolicy {
  /** An unacknowledged urgent concern is sent again after this many minutes. */
  readonly renotifyAfterMinutes: number;
}

export const DEFAULT_CONCERN_POLICY: ConcernPolicy = { renotifyAfterMinutes: 15 };

export interface ConcernNotification {
  readonly recipients: readonly ConcernRecipient[];
  readonly kind: 'first' | 'reminder';
  /** The mentor sees the emergency numbers straight away. */
  readonly showMentorEmergencyContacts: boolean;
}

export function raiseConcern(details: { id: string; matchId: string; raisedBy: string; urgency: ConcernUrgency; at: Date }): SupportConcern {
  const { at, ...rest } = details;
  return { ...rest, raisedAt: at, notifiedCount: 0 };
}

export function recipientsFor(urgency: ConcernUrgency): readonly ConcernRecipient[] {
  return urgency === 'urgent safeguarding' ? ['dutyContact', 'serviceManager'] : ['leavingCareTeam'];
}

/** What to send now, if anything: everyone at once the first time; urgent ones again each interval until acknowledged. */
export function concernNotificationDue(concern: SupportConcern, now: Date, policy: ConcernPolicy = DEFAULT_CONCERN_POLICY): ConcernNotification | undefined {
  if (concern.acknowledgedAt !== undefined) return undefined;
  const urgent = concern.urgency === 'urgent safeguarding';
  const base = { recipients: recipientsFor(concern.urgency), showMentorEmergencyContacts: urgent };
  if (concern.lastNotifiedAt === undefined) return { ...base, kind: 'first' };
  if (!urgent) return undefined;
  const next = nextReminderAt(concern, policy);
  return next !== undefined && now.getTime() >= next.getTime() ? { ...base, kind: 'reminder' } : undefined;
}

export function nextReminderAt(concern: SupportConcern, policy: ConcernPolicy = DEFAULT_CONCERN_POLICY): Date | undefined {
  if (concern.acknowledgedAt !== undefined || concern.urgency !== 'urgent safeguarding' || concern.lastNotifiedAt === undefined) return undefined;
  return new Date(concern.lastNotifiedAt.getTime() + Math.max(1, policy.renotifyAfterMinutes) * 60_000);
}

export function recordConcernNotified(concern: SupportConcern, at: Date): SupportConcern {
  return { ...concern, notifiedCount: concern.notifiedCount + 1, lastNotifiedAt: at };
}

export type ConcernErrorCode = 'CONCERN_NOT_A_RECIPIENT';

/** Acknowledging twice keeps the first acknowledgement (a retried card action changes nothing). */
export function acknowledgeConcern(
  concern: SupportConcern,
  by: { userId: string; role: ConcernRecipient },
  at: Date,
): Result<SupportConcern, ConcernErrorCode> {
  if (!recipientsFor(concern.urgency).includes(by.role)) {
    return fail('CONCERN_NOT_A_RECIPIENT', 'Only someone this concern was sent to can acknowledge it.');
  }
  if (concern.acknowledgedAt !== undefined) return ok(concern);
  return ok({ ...concern, acknowledgedBy: by.userId, acknowledgedAt: at });
}
