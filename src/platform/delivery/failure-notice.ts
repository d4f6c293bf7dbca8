import { calendarFailureOf } from '../../sessions/app/calendar-failure.js';
import type { Effect, OutboundMessage } from '../app/ports.js';

/**
 * What the coordinators are told when an effect fails for good. A session's calendar has its own notice, naming the
 * session and the cause (its recipient is the calendar, not a person); anything else is someone who was not reached.
 */
export function failureNotice(effect: Effect, reason: string, error: unknown): OutboundMessage {
  if (effect.message.type === 'syncSessionCalendar') {
    return { type: 'sessionCalendarFailed', sessionId: effect.message.sessionId, failure: calendarFailureOf(error), failedEffectId: effect.id };
  }
  return { type: 'coordinatorNotice', notice: { kind: 'recipientUnreachable', recipientId: effect.recipientId, reason, about: effect.message.type } };
}
