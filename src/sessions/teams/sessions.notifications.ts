import { expandFanOut } from '../app/expand-fan-out.js';
import type { CohortDeps } from '../app/cohort-ports.js';
import type { RotaDeps } from '../app/rota-ports.js';
import { findVisit } from '../domain/index.js';
import { rotaVisitCard } from './cards/rota-visit.card.js';
import { releaseOtherTraining } from '../app/release-other-training.js';
import { sessionsOrWait } from '../app/wait-for-dates.js';
import { overview } from '../app/cohort-views.js';
import { noCohortOpenCard } from './cards/no-cohort-open.card.js';
import { datesNotSetCard } from './cards/dates-not-set.card.js';
import { syncMentorStage } from '../app/sync-mentor-stage.js';
import { syncSessionCalendar, type CalendarSyncDeps } from '../app/sync-calendar.js';
import { tellCalendarFailure } from '../app/tell-calendar-failure.js';
import { bookingWindow, findBooking } from '../domain/index.js';
import { calendarFailedCard } from './cards/calendar-failed.card.js';
import { sessionCancelledCard, sessionMovedCard, sessionPromotedCard, sessionReminderCard } from './cards/session-notice.card.js';
import type { SessionView } from './cards/session-parts.js';
import { bookingCardFor } from './sessions.handler.js';
import type { Notifiers } from '../../platform/delivery/notifier.js';

/**
 * Each notifier reads the session as stored now, so a late or repeated effect never tells anyone something stale.
 * Calendar work and the mentor's stage are effects too: the worker retries them and reports what it cannot do.
 */
export function sessionNotifiers(deps: CohortDeps & RotaDeps, calendar: CalendarSyncDeps | undefined): Notifiers {
  const view = async (sessionId: string): Promise<SessionView | undefined> => {
    const stored = await deps.sessions.get(sessionId);
    if (!stored) return undefined;
    const joinUrl = (await deps.sessions.getCalendar(sessionId)).value.joinUrl;
    return joinUrl ? { session: stored.session, joinUrl } : { session: stored.session };
  };
  return {
    sessionOffer: async (effect, message, transport) => {
      const mentor = (await deps.mentors.get(message.mentorId))?.value;
      if (mentor?.stage !== 'approved') return;
      // Approved with nothing to book: told plainly, and kept waiting for the next cohort's dates.
      if ((await sessionsOrWait(deps, mentor)) === 'waitingForDates') return void (await transport.send(effect.recipientId, datesNotSetCard({ approved: true })));
      await transport.send(effect.recipientId, await bookingCardFor(deps, mentor.id, { approved: true, stage: mentor.stage }));
    },
    cohortOffer: async (effect, message, transport) => {
      const mentor = (await deps.mentors.get(message.mentorId))?.value;
      if (mentor?.stage !== 'approved') return;
      // The cohort's sessions were cancelled or closed before this went: they wait again, and were told so already.
      if ((await sessionsOrWait(deps, mentor)) === 'waitingForDates') return;
      const cohort = (await deps.cohorts.get()).value.cohorts.find((each) => each.id === message.cohortId);
      const notice = { text: `The dates are set${cohort ? ` for the ${cohort.name}` : ''}: book your information session and training.`, tone: 'good' as const };
      await transport.send(effect.recipientId, await bookingCardFor(deps, mentor.id, { notice, stage: mentor.stage }));
    },
    noCohortOpen: async (effect, _message, transport) => {
      // Rendered from the book as stored now: a cohort opened before this went leaves nothing to say. A coordinator the
      // bot cannot reach (local mode, never opened it) sees the same on `sessions`: nothing to give up and report.
      const now = await overview(deps);
      if (now.anyOpen || !(await transport.canReach(effect.recipientId))) return;
      const last = now.cohorts[0]?.cohort.name;
      await transport.send(effect.recipientId, noCohortOpenCard({ waiting: now.waitingForDates.length, ...(last ? { lastCohort: last } : {}) }));
    },
    rotaVisitAssigned: async (effect, message, transport) => {
      const rota = (await deps.rota.get()).value;
      const visit = findVisit(rota, message.homeId, message.month);
      if (visit?.member?.id !== message.memberId || visit.doneAt) return;
      await transport.send(effect.recipientId, rotaVisitCard(rota, visit, 'assigned'));
    },
    rotaVisitReminder: async (effect, message, transport) => {
      const rota = (await deps.rota.get()).value;
      const visit = findVisit(rota, message.homeId, message.month);
      if (visit?.member?.id !== message.memberId || visit.doneAt) return;
      await transport.send(effect.recipientId, rotaVisitCard(rota, visit, 'reminder'));
    },
    sessionReleaseOtherTraining: async (_effect, message) => {
      await releaseOtherTraining(deps, message.sessionId, message.personId);
    },
    syncSessionCalendar: async (_effect, message) => {
      if (!calendar) return;
      await syncSessionCalendar(calendar, message.sessionId, message.version);
    },
    sessionMentorStage: async (_effect, message) => {
      await syncMentorStage(deps, message.sessionId, message.personId, message.actor);
    },
    sessionFanOut: async (_effect, message) => {
      await expandFanOut(deps, message);
    },
    sessionPromoted: async (effect, message, transport) => {
      const current = await view(message.sessionId);
      if (!current || findBooking(current.session, message.personId)?.status !== 'confirmed') return;
      await transport.send(effect.recipientId, sessionPromotedCard(current, deps.clock.now(), calendar !== undefined));
    },
    sessionReminder: async (effect, message, transport) => {
      const current = await view(message.sessionId);
      const now = deps.clock.now();
      if (!current || findBooking(current.session, message.personId)?.status !== 'confirmed') return;
      if (bookingWindow(current.session, now) === 'started' || current.session.cancelledAt) return;
      await transport.send(effect.recipientId, sessionReminderCard(current, now));
    },
    sessionMoved: async (effect, message, transport) => {
      const current = await view(message.sessionId);
      const booking = current ? findBooking(current.session, message.personId) : undefined;
      if (!current || current.session.cancelledAt || !booking || booking.status === 'cancelled') return;
      await transport.send(effect.recipientId, sessionMovedCard(current, deps.clock.now(), calendar !== undefined));
    },
    sessionCalendarFailed: async (effect, message, transport) => {
      const current = await view(message.sessionId);
      if (!current || !(await tellCalendarFailure(deps.sessions, message.sessionId, message.failedEffectId, message.failure.cause))) return;
      await transport.send(effect.recipientId, calendarFailedCard(current, message.failure));
    },
    sessionCancelled: async (effect, message, transport) => {
      const current = await view(message.sessionId);
      if (!current?.session.cancelledAt) return;
      await transport.send(effect.recipientId, sessionCancelledCard(current, deps.clock.now(), calendar !== undefined));
    },
  };
}
