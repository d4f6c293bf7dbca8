/** The sessions capability's face: the only module other capabilities import. */
export * from './app/book-session.js';
export * from './app/cancel-booking.js';
export * from './app/create-session.js';
export * from './app/session-deps.js';
export * from './shared-sessions.js';
export { SESSION_VERBS } from './teams/sessions.verbs.js';
