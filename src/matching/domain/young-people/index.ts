export * from './young-person.js';
export * from './young-person-form.js';
export * from './young-person-status.js';
export * from './mentee-view.js';
export * from './young-people-search.js';
