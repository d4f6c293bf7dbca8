/** The privacy capability's face: the only module other capabilities import. */
export { restrictedPeople } from './shared-privacy.js';
export { RESTRICTED_MESSAGE } from './domain/index.js';
