import {
  attendanceCommand,
  attendanceFormAction,
  bookSessionAction,
  cancelSessionAction,
  cancelSessionBookingAction,
  changeSeatsAction,
  createSessionAction,
  moveSessionAction,
  newSessionCommand,
  newSessionFormAction,
  recordAttendanceAction,
  retrySessionCalendarAction,
  sessionsCommand,
  type SessionHandlerDeps,
} from './sessions.handler.js';
import { sessionStatusFacts } from './session-status.js';
import type { RouteRegistry } from '../../platform/teams/route-registry.js';

/** Sessions: booking for mentors; creating, attendance and cancelling for coordinators (checked on the server). */
export function sessionRoutes(routes: RouteRegistry, deps: SessionHandlerDeps): void {
  routes.statusFact(sessionStatusFacts(deps.sessions));
  routes
    .command(/^\s*(my\s+)?sessions\s*$/i, 'sessions', sessionsCommand(deps))
    .command(/^\s*new\s+session\s*$/i, 'newSession', newSessionCommand(deps))
    .command(/^\s*attendance\s*$/i, 'attendance', attendanceCommand(deps))
    .action('bookSession', bookSessionAction(deps))
    .action('cancelSessionBooking', cancelSessionBookingAction(deps))
    .action('newSessionForm', newSessionFormAction(deps))
    .action('createSession', createSessionAction(deps))
    .action('cancelSession', cancelSessionAction(deps))
    .action('moveSession', moveSessionAction(deps))
    .action('changeSeats', changeSeatsAction(deps))
    .action('attendanceForm', attendanceFormAction(deps))
    .action('recordAttendance', recordAttendanceAction(deps))
    .action('retrySessionCalendar', retrySessionCalendarAction(deps));
}
