import { DeliveryError } from '../../platform/delivery/delivery.js';

export type CalendarOperation = 'createEvent' | 'readEvent' | 'setAttendees' | 'cancelEvent' | 'moveEvent';

export const OPERATION_TEXT: Record<CalendarOperation, string> = {
  createEvent: 'create the calendar event',
  readEvent: 'read the calendar event',
  setAttendees: 'change the calendar attendees',
  cancelEvent: 'cancel the calendar event',
  moveEvent: 'move the calendar event',
};

/** Graph said no for good (400, 401, 403…): the calendar stays behind until someone fixes the cause. */
export class CalendarRefusal extends DeliveryError {
  constructor(
    readonly operation: CalendarOperation,
    readonly status: number,
    readonly mailbox: string,
  ) {
    super(`Graph refused to ${OPERATION_TEXT[operation]} in the organiser mailbox (HTTP ${status}); check the app's Calendars.ReadWrite permission and access policy`, 'permanent');
    this.name = 'CalendarRefusal';
  }
}

/** What the coordinators are told: stable codes, so the card can say what to do. */
export interface CalendarFailure {
  /** accessDenied: 403; notSignedIn: 401; rejected: any other refusal; gaveUp: busy or unreachable for every try. */
  readonly cause: 'accessDenied' | 'notSignedIn' | 'rejected' | 'gaveUp';
  readonly operation?: CalendarOperation;
  readonly status?: number;
  readonly mailbox?: string;
}

export function calendarFailureOf(error: unknown): CalendarFailure {
  if (!(error instanceof CalendarRefusal)) return { cause: 'gaveUp' };
  const cause = error.status === 403 ? 'accessDenied' : error.status === 401 ? 'notSignedIn' : 'rejected';
  return { cause, operation: error.operation, status: error.status, mailbox: error.mailbox };
}
