import { SYSTEM } from '../../platform/kernel/person.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import {
  acknowledgeConcern as acknowledge,
  concernNotificationDue,
  raiseConcern as raise,
  recordConcernNotified,
  recipientsFor,
  type ConcernRecipient,
  type ConcernUrgency,
  type SupportConcern,
} from '../domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { RelationshipDeps, SupportContacts } from './relationship-ports.js';
import { asId } from './relationship-record.js';

/** Entra ids for each kind of recipient; coordinators stand in for any left unconfigured. */
export function recipientIds(contacts: SupportContacts, role: ConcernRecipient): readonly string[] {
  return role === 'dutyContact' ? contacts.dutyContactIds : role === 'serviceManager' ? contacts.serviceManagerIds : contacts.leavingCareTeamIds;
}

function notificationEffects(deps: RelationshipDeps, concern: SupportConcern, recipients: readonly ConcernRecipient[], reminder: boolean): Effect[] {
  const ids = new Set(recipients.flatMap((role) => recipientIds(deps.contacts, role)));
  return [...ids].map((recipientId) => ({
    id: `${concern.id}.notify.${concern.notifiedCount}.${recipientId}`,
    recipientId,
    message: { type: 'supportConcern', concernId: concern.id, reminder },
  }));
}

/**
 * A mentor asks for help, or raises an urgent safeguarding concern. The concern and the messages it owes are one
 * transaction: it is stored before anyone is notified, and a stored concern always has its messages queued. The
 * concern id comes from the card, so pressing twice raises one concern.
 */
export async function raiseConcern(deps: RelationshipDeps, actor: PersonRef, data: unknown): Promise<Result<SupportConcern>> {
  const form = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const urgency: ConcernUrgency | undefined = form.urgency === 'urgent safeguarding' || form.urgency === 'support' ? form.urgency : undefined;
  if (!urgency) return fail('CONCERN_URGENCY_INVALID', 'Please choose whether this is an urgent safeguarding concern or a request for support.');
  const concernId = typeof form.concernId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(form.concernId) ? form.concernId : undefined;
  if (!concernId) return fail('CONCERN_FORM_INVALID', 'This form is out of date. Please type "support" to get a new one.');
  const earlier = await deps.concerns.get(concernId);
  if (earlier) return earlier.value.raisedBy === actor.id ? ok(earlier.value) : fail('CONCERN_FORM_INVALID', 'This form is out of date. Please type "support" to get a new one.');
  const matches = await deps.matches.forMentor(actor.id);
  const matchId = typeof form.matchId === 'string' && matches.some((match) => match.id === form.matchId) ? form.matchId : (matches[0]?.id ?? '');
  const now = deps.journey.clock.now();
  const concern = raise({ id: concernId, matchId, raisedBy: actor.id, urgency, at: now });
  const due = concernNotificationDue(concern, now, deps.policy.concerns);
  const notified = recordConcernNotified(concern, now);
  await deps.concerns.save({
    value: notified,
    audit: [{ at: now.toISOString(), actor, action: 'raiseConcern', subjectId: concernId, detail: urgency === 'urgent safeguarding' ? 'urgent' : 'support' }],
    effects: due ? notificationEffects(deps, concern, due.recipients, false) : [],
  });
  return ok(notified);
}

/** Every open urgent concern past its interval is sent again, until someone it was sent to acknowledges it. */
export async function renotifyConcerns(deps: RelationshipDeps): Promise<number> {
  let sent = 0;
  for (const open of await deps.concerns.listOpen()) {
    const renotified = await retryOnConflict(async () => {
      const current = await deps.concerns.get(open.value.id);
      if (!current) return false;
      const now = deps.journey.clock.now();
      const due = concernNotificationDue(current.value, now, deps.policy.concerns);
      if (!due) return false;
      await deps.concerns.save({
        value: recordConcernNotified(current.value, now),
        etag: current.etag,
        audit: [{ at: now.toISOString(), actor: SYSTEM, action: due.kind === 'first' ? 'notifyConcern' : 'renotifyConcern', subjectId: current.value.id, detail: String(current.value.notifiedCount + 1) }],
        effects: notificationEffects(deps, current.value, due.recipients, due.kind === 'reminder'),
      });
      return true;
    });
    if (renotified) sent += 1;
  }
  return sent;
}

/** Someone the concern was sent to says they have it; the first acknowledgement stands. */
export async function acknowledgeConcern(deps: RelationshipDeps, actor: PersonRef, concernId: unknown): Promise<Result<SupportConcern>> {
  const id = asId(concernId);
  if (!id) return fail('CONCERN_NOT_FOUND', 'That concern is not on record.');
  return retryOnConflict(async (): Promise<Result<SupportConcern>> => {
    const current = await deps.concerns.get(id);
    if (!current) return fail('CONCERN_NOT_FOUND', 'That concern is not on record.');
    const roles: ConcernRecipient[] = ['dutyContact', 'serviceManager', 'leavingCareTeam'];
    const role = roles.find((each) => recipientIds(deps.contacts, each).includes(actor.id) && recipientsFor(current.value.urgency).includes(each));
    if (!role) return fail('CONCERN_NOT_A_RECIPIENT', 'Only someone this concern was sent to can acknowledge it.');
    const now = deps.journey.clock.now();
    const acknowledged = acknowledge(current.value, { userId: actor.id, role }, now);
    if (!acknowledged.ok) return acknowledged;
    if (acknowledged.value === current.value) return ok(current.value);
    // The mentor hears it has been picked up; the others it went to see their cards change to say who has it.
    const others = new Set([current.value.raisedBy, ...recipientsFor(current.value.urgency).flatMap((each) => recipientIds(deps.contacts, each))]);
    others.delete(actor.id);
    await deps.concerns.save({
      value: acknowledged.value,
      etag: current.etag,
      audit: [{ at: now.toISOString(), actor, action: 'acknowledgeConcern', subjectId: id, detail: role }],
      effects: [...others].map((recipientId) => ({ id: `${id}.acknowledged.${recipientId}`, recipientId, message: { type: 'concernAcknowledged', concernId: id } })),
    });
    return ok(acknowledged.value);
  });
}
