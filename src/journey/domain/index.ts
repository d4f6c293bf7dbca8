export * from './stage.js';
export * from './journey.js';
export * from './mentor.js';
export * from './approval-request.js';
export * from './approval.js';
export * from './approval-follow-up.js';
export * from './working-days.js';
export * from './next-step.js';
