/** The privacy domain's face: pure rules other capabilities' domains may use. */
export * from './calendar-date.js';
export * from './erasure.js';
export * from './export-document.js';
export * from './restriction.js';
export * from './retention-schedule.js';
export * from './subject-access.js';
