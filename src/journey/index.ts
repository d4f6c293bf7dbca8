/** The journey capability's face: the only module other capabilities import. */
export * from './app/advance-mentor.js';
export * from './app/audit.js';
export * from './app/journey-deps.js';
export * from './app/ports.js';
export { sharedJourney } from './shared-journey.js';
export * from './app/remind-approver.js';
