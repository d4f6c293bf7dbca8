import { SESSION_VERBS } from './sessions.verbs.js';
import {
  attendanceCommand,
  attendanceFormAction,
  bookSessionAction,
  cancelSessionAction,
  cancelSessionBookingAction,
  changeSeatsAction,
  createSessionAction,
  declineSessionAction,
  moveSessionAction,
  newSessionCommand,
  newSessionFormAction,
  recordAttendanceAction,
  retrySessionCalendarAction,
  sessionsCommand,
  type SessionHandlerDeps,
} from './sessions.handler.js';
import { sessionStatusFacts } from './session-status.js';
import { cohortsCommand, openCohortAction, openCohortCommand, openCohortFormAction } from './cohorts.handler.js';
import { assignRotaVisitAction, recordRotaVisitAction, rotaAssignFormAction, rotaCommand, rotaSetupFormAction, setUpRotaAction } from './rota.handler.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** Sessions: booking for mentors; creating, attendance and cancelling for coordinators (checked on the server). */
export function sessionRoutes(routes: RouteRegistry, deps: SessionHandlerDeps): void {
  routes.statusFact(sessionStatusFacts(deps.sessions));
  routes
    .command(/^\s*(my\s+)?sessions\s*$/i, 'sessions', sessionsCommand(deps))
    .command(/^\s*new\s+session\s*$/i, 'newSession', newSessionCommand(deps))
    .command(/^\s*attendance\s*$/i, 'attendance', attendanceCommand(deps))
    .command(/^\s*cohorts?\s*$/i, 'cohorts', cohortsCommand(deps))
    .command(/^\s*(open|new)\s+(the\s+)?(next\s+)?cohort\s*$/i, 'openCohort', openCohortCommand(deps))
    .action(SESSION_VERBS.openCohortForm, openCohortFormAction(deps))
    .action(SESSION_VERBS.openCohort, openCohortAction(deps))
    .command(/^\s*(my\s+)?(regulation\s*33\s+)?(rota|visits)\s*$/i, 'rota', rotaCommand(deps))
    .action(SESSION_VERBS.rotaSetupForm, rotaSetupFormAction(deps))
    .action(SESSION_VERBS.setUpRota, setUpRotaAction(deps))
    .action(SESSION_VERBS.rotaAssignForm, rotaAssignFormAction(deps))
    .action(SESSION_VERBS.assignRotaVisit, assignRotaVisitAction(deps))
    .action(SESSION_VERBS.recordRotaVisit, recordRotaVisitAction(deps))
    .action(SESSION_VERBS.bookSession, bookSessionAction(deps))
    .action(SESSION_VERBS.cancelSessionBooking, cancelSessionBookingAction(deps))
    .action(SESSION_VERBS.declineSession, declineSessionAction(deps))
    .action(SESSION_VERBS.newSessionForm, newSessionFormAction(deps))
    .action(SESSION_VERBS.createSession, createSessionAction(deps))
    .action(SESSION_VERBS.cancelSession, cancelSessionAction(deps))
    .action(SESSION_VERBS.moveSession, moveSessionAction(deps))
    .action(SESSION_VERBS.changeSeats, changeSeatsAction(deps))
    .action(SESSION_VERBS.attendanceForm, attendanceFormAction(deps))
    .action(SESSION_VERBS.recordAttendance, recordAttendanceAction(deps))
    .action(SESSION_VERBS.retrySessionCalendar, retrySessionCalendarAction(deps));
}
