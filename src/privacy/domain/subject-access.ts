import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { addCalendarMonths, addDays, daysBetween, type CalendarDate } from './calendar-date.js';

export const REQUEST_STATES = ['received', 'paused', 'inReview', 'sent'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export type DataSubject =
  | { readonly kind: 'mentor'; readonly personId: string; readonly name: string }
  | { readonly kind: 'youngPerson'; readonly youngPersonId: string; readonly reference: string };

/** A subject access request (UK GDPR Art. 15): one calendar month, three with an extension, paused while identity is checked. */
export interface SubjectAccessRequest {
  readonly id: string;
  readonly subject: DataSubject;
  readonly receivedOn: CalendarDate;
  readonly state: RequestState;
  readonly startedBy: PersonRef;
  /** Days the clock stood still while identity was checked, before the current pause. */
  readonly pausedDays: number;
  readonly pausedOn?: CalendarDate;
  readonly extension?: { readonly reason: string; readonly by: PersonRef; readonly on: CalendarDate };
  readonly remindedFor?: CalendarDate;
  readonly sentOn?: CalendarDate;
}

export type RequestErrorCode = 'REQUEST_STATE' | 'ALREADY_EXTENDED' | 'REASON_REQUIRED';

export const STATE_WORDS: Readonly<Record<RequestState, string>> = {
  received: 'received, being prepared',
  paused: 'paused while identity is checked',
  inReview: 'in review before release',
  sent: 'sent',
};

/** The due date: one calendar month from receipt (three when extended), moved on by every day the clock was paused. */
export function dueOn(request: SubjectAccessRequest, today: CalendarDate): CalendarDate {
  const months = request.extension ? 3 : 1;
  const pausedNow = request.state === 'paused' && request.pausedOn ? Math.max(0, daysBetween(request.pausedOn, today)) : 0;
  return addDays(addCalendarMonths(request.receivedOn, months), request.pausedDays + pausedNow);
}

export function newRequest(id: string, subject: DataSubject, startedBy: PersonRef, receivedOn: CalendarDate): SubjectAccessRequest {
  return { id, subject, receivedOn, state: 'received', startedBy, pausedDays: 0 };
}

export type RequestStep =
  | { readonly step: 'pause' }
  | { readonly step: 'identityConfirmed' }
  | { readonly step: 'extend'; readonly reason: string }
  | { readonly step: 'review' }
  | { readonly step: 'send' };

const FROM: Readonly<Record<RequestStep['step'], readonly RequestState[]>> = {
  pause: ['received'],
  identityConfirmed: ['paused'],
  extend: ['received', 'inReview'],
  review: ['received'],
  send: ['inReview'],
};

/** One step of a request; a step from the wrong state is refused with the state it is in. */
export function advanceRequest(request: SubjectAccessRequest, step: RequestStep, actor: PersonRef, today: CalendarDate): Result<SubjectAccessRequest, RequestErrorCode> {
  if (!FROM[step.step].includes(request.state)) {
    return fail('REQUEST_STATE', `This request is ${STATE_WORDS[request.state]}, so that step does not apply now.`);
  }
  switch (step.step) {
    case 'pause':
      return ok({ ...request, state: 'paused', pausedOn: today });
    case 'identityConfirmed': {
      const { pausedOn, ...rest } = request;
      return ok({ ...rest, state: 'received', pausedDays: request.pausedDays + (pausedOn ? Math.max(0, daysBetween(pausedOn, today)) : 0) });
    }
    case 'extend':
      if (request.extension) return fail('ALREADY_EXTENDED', 'This request has been extended already; the law allows one extension, to three months in all.');
      if (step.reason.trim() === '') return fail('REASON_REQUIRED', 'Say why the request needs longer: the person must be told the reason.');
      return ok({ ...request, extension: { reason: step.reason.trim(), by: actor, on: today } });
    case 'review':
      return ok({ ...request, state: 'inReview' });
    case 'send':
      return ok({ ...request, state: 'sent', sentOn: today });
  }
}

/** Open requests due within `days` that have not been reminded for this due date. */
export function needsReminder(request: SubjectAccessRequest, today: CalendarDate, days: number): boolean {
  if (request.state === 'sent' || request.state === 'paused') return false;
  const due = dueOn(request, today);
  return daysBetween(today, due) <= days && request.remindedFor !== due;
}
