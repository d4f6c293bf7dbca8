/** The privacy capability's face: the only module other capabilities import. */
export { restrictedPeople } from './shared-privacy.js';
export { RESTRICTED_MESSAGE } from './domain/index.js';
export { requirePrivacyActor } from './app/privacy-authority.js';
export type { PrivacyDeps } from './app/privacy-ports.js';
export { exportSubjectAccess, listSubjectAccess, type RequestView, type SubjectAccessExport } from './app/subject-access-requests.js';
export { STATE_WORDS, subjectLabel } from './domain/index.js';
