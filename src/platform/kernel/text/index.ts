export * from './free-text.js';
