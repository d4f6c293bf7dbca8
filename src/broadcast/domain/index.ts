export * from './audience.js';
export * from '../../platform/kernel/delivery/teams-rate-limits.js';
export * from '../../platform/kernel/delivery/pacing-windows.js';
export * from '../../platform/kernel/delivery/delivery-outcome.js';
export * from './broadcast-progress.js';
export * from './broadcast-text.js';
export * from './failure-words.js';
export * from './invitation-answers.js';
