/** The sessions capability's face: the only module other capabilities import. */
export * from './app/book-session.js';
export * from './app/cancel-booking.js';
export * from './app/decline-session.js';
export * from './app/create-session.js';
export * from './app/session-deps.js';
export * from './shared-sessions.js';
export { SESSION_VERBS } from './teams/sessions.verbs.js';
export { recordSessionAttendance } from './app/record-attendance.js';
export { cancelWholeSession } from './app/cancel-session.js';
export { moveWholeSession } from './app/move-session.js';
export { changeSessionSeats, type SeatsOutcome } from './app/change-seats.js';
export { sessionForAttendance, sessionsToManage, type SessionView } from './app/session-views.js';
export type { Booking, Session } from './domain/index.js';
export { mySessions } from './app/my-sessions.js';
