export * from './stage.js';
export * from './journey.js';
