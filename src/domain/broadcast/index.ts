export * from './audience.js';
export * from './teams-rate-limits.js';
export * from './send-pacer.js';
export * from './delivery-outcome.js';
export * from './patient-retry.js';
export * from './broadcast-progress.js';
export * from './broadcast-text.js';
