import type { PersonRef } from '../../platform/kernel/person.js';
import type { CalendarFailure } from './calendar-failure.js';

/** What the sessions feature owes people and the calendar after a write; carried out by the effect worker. */
export type SessionMessage =
  /** The booking card, sent when someone is approved. */
  | { readonly type: 'sessionOffer'; readonly mentorId: string }
  /** A cohort opened: the booking card, to a mentor who was waiting for its dates. */
  | { readonly type: 'cohortOffer'; readonly cohortId: string; readonly mentorId: string }
  /** To a coordinator: no cohort is open for booking (once per gap): open the next one. */
  | { readonly type: 'noCohortOpen'; readonly since: string }
  /** To an elected member: they are on the Regulation 33 rota for a home and month. */
  | { readonly type: 'rotaVisitAssigned'; readonly homeId: string; readonly month: string; readonly memberId: string }
  /** To an elected member, a week before the month: their Regulation 33 visit is coming. */
  | { readonly type: 'rotaVisitReminder'; readonly homeId: string; readonly month: string; readonly memberId: string }
  /** A mentor was trained at this session: their places on other training sessions go to the people waiting. */
  | { readonly type: 'sessionReleaseOtherTraining'; readonly sessionId: string; readonly personId: string }
  /** Converge the session's Graph event (and its attendees) to the bookings as stored when it runs. */
  | { readonly type: 'syncSessionCalendar'; readonly sessionId: string; readonly version: number }
  /** Converge a mentor's stage ('approved' / 'booked' / 'trained') to their training booking as stored when it runs. */
  | { readonly type: 'sessionMentorStage'; readonly sessionId: string; readonly personId: string; readonly actor: PersonRef }
  /** A seat came free and the first person waiting has it. */
  | { readonly type: 'sessionPromoted'; readonly sessionId: string; readonly personId: string }
  | { readonly type: 'sessionReminder'; readonly sessionId: string; readonly personId: string }
  /**
   * One row in the write's transaction (which holds at most 100), expanded by the worker into one effect per person;
   * the per-person ids make the expansion safe to repeat after a crash.
   */
  | {
      readonly type: 'sessionFanOut';
      readonly sessionId: string;
      readonly version: number;
      readonly purpose: FanOutPurpose;
      readonly actor: PersonRef;
      /** For 'promoted': who that write moved from the waiting list (the stored session no longer says). */
      readonly personIds?: readonly string[];
    }
  /** The coordinator moved the session to a new time. */
  | { readonly type: 'sessionMoved'; readonly sessionId: string; readonly personId: string }
  /** The coordinator cancelled the session. */
  | { readonly type: 'sessionCancelled'; readonly sessionId: string; readonly personId: string }
  /** To a coordinator: the session's calendar event could not be brought in line, for good; what failed and why. */
  | { readonly type: 'sessionCalendarFailed'; readonly sessionId: string; readonly failure: CalendarFailure; readonly failedEffectId?: string };

export type FanOutPurpose = 'reminder' | 'cancelled' | 'moved' | 'trainingStages' | 'promoted';

declare module '../../platform/app/outbound-message.js' {
  interface OutboundMessages {
    sessions: SessionMessage;
  }
}
