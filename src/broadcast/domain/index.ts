export * from './audience.js';
export * from '../../platform/delivery/teams-rate-limits.js';
export * from '../../platform/delivery/pacing-windows.js';
export * from '../../platform/delivery/delivery-outcome.js';
export * from './broadcast-progress.js';
export * from './broadcast-text.js';
