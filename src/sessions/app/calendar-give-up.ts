import type { GiveUpNotice } from '../../platform/delivery/failure-notice.js';
import { calendarFailureOf } from './calendar-failure.js';

/** A session's calendar that could not be brought up to date: the coordinators get its own card, naming the cause. */
export const calendarGiveUpNotice: GiveUpNotice = (effect, _reason, error) =>
  effect.message.type === 'syncSessionCalendar'
    ? { type: 'sessionCalendarFailed', sessionId: effect.message.sessionId, failure: calendarFailureOf(error), failedEffectId: effect.id }
    : undefined;
