export * from './invalid-input.js';
